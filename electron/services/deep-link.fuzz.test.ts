import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../../shared/testing/fuzz-runs';
import { codePoint } from '../../shared/testing/fuzz-text';
import { deepLinkInArguments, parseDeepLink, type DeepLink } from './deep-link';

/**
 * Property-based fuzzing of sam-desk:// deep links, which any program on the machine can send: whatever the string,
 * parsing never throws and yields only a documented action with a sane profile reference, or null. Run counts come
 * from shared/testing/fuzz-runs.ts.
 */
const documentedActions: readonly DeepLink['action'][] = ['consent', 'reconsent'];

/** What every accepted link must look like: one of the two actions, and a trimmed, bounded, control-free reference. */
function expectSane(link: DeepLink | null): void {
  if (link === null) return;
  expect(Object.keys(link).sort()).toEqual(['action', 'profile']);
  expect(documentedActions).toContain(link.action);
  expect(link.profile).toBe(link.profile.trim());
  expect(link.profile.length).toBeGreaterThan(0);
  expect(link.profile.length).toBeLessThanOrEqual(100);
  expect(link.profile).not.toMatch(/\p{Cc}/u);
}

const otherSchemes = fc.constantFrom('https', 'http', 'javascript', 'file', 'data', 'vbscript', 'ms-settings', 'sam-desk-evil', 'samdesk', 'sam-desk2', 'sam-desk.evil', 'x-sam-desk', 'sam_desk');
const ourScheme = fc.constantFrom('sam-desk', 'SAM-DESK', 'Sam-Desk');
const separator = fc.constantFrom(':', '://', ':///', ':/', '://user:pw@', '://user@', '://:pw@', ':////', ':\\\\', '://%2F');
const action = fc.oneof(
  fc.constantFrom('consent', 'reconsent', 'Reconsent', 'RECONSENT', 'reconsent/', 'consent//'),
  fc.constantFrom('delete', 'remove', 'export', '', 'reconsent/../delete', 'reconsent/delete', '%72econsent', 'reconsent%2F', 'reconsent%2F..', 'reconsent:80', 'reconsent.', 're%00consent', 'javascript:alert(1)', '..%2F..%2Freconsent', 'reconsent\\..\\delete', 'consent\u0000', 'ｒeconsent'),
  fc.string({ maxLength: 12 }),
);
/** Profile references, fair and hostile: names, GUIDs, traversal, encoded slashes, controls, bidi marks, very long. */
const profileValue = fc.oneof(
  fc.constantFrom('Contoso (production)', '0b6f3c2e-1d4a-4b5c-8d9e-0f1a2b3c4d5e', '../../etc/passwd', '..\\..\\windows', '%2e%2e%2f%2e%2e%2f', '%252e%252e%252f', 'a%2Fb', 'x\u0000y', 'x\u0085y', '\u202etxt.exe', 'javascript:alert(1)', '<script>alert(1)</script>', ' ', '\t\n', '\uFEFF'),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: codePoint, maxLength: 30 }),
  fc.string({ minLength: 90, maxLength: 3_000 }),
  fc.uuid(),
);
/** How a value goes into the query: encoded, raw, double-encoded. */
const encoded = fc.tuple(profileValue, fc.constantFrom('encode', 'raw', 'double')).map(([value, how]) =>
  how === 'raw' ? value : how === 'encode' ? encodeURIComponent(safeText(value)) : encodeURIComponent(encodeURIComponent(safeText(value))),
);
const parameterName = fc.constantFrom('profile', 'profile', 'PROFILE', 'Profile', 'profile[]', 'profile%00', 'prof%69le', 'token', 'access_token', 'action', '');
const query = fc.array(fc.tuple(parameterName, encoded), { maxLength: 4 }).map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`));
const fragment = fc.option(fc.string({ maxLength: 20 }).map((text) => `#${text}`), { nil: '' });

/** encodeURIComponent throws on lone surrogates; replace them first. */
function safeText(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const structuredLink = fc.tuple(fc.oneof(ourScheme, otherSchemes), separator, action, fc.constantFrom('', '/', '/x', '/../delete'), query, fragment).map((parts) => parts.join(''));
const anyLink = fc.oneof(
  structuredLink,
  fc.string(),
  fc.string({ unit: codePoint }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl({ withQueryParameters: true }).map((url) => url.replace(/^https?/, 'sam-desk')),
  fc.tuple(fc.constantFrom('', ' ', '\t', '\u0000', '\n'), structuredLink, fc.constantFrom('', ' ', '\r\n', '\u0000')).map((parts) => parts.join('')),
  fc.string({ minLength: 2_000, maxLength: 2_100 }).map((text) => `sam-desk://reconsent?profile=x&pad=${encodeURIComponent(safeText(text))}`),
);

/** A reference the parser must accept: trimmed, 1–100 characters, no control character. */
const validReference = fc
  .oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.uuid())
  .map((value) => safeText(value).trim())
  .filter((value) => value !== '' && value.length <= 100 && !/\p{Cc}/u.test(value));

describe('fuzzing sam-desk:// deep links', () => {
  it('never throws and accepts only a documented action with a sane profile reference', () => {
    fc.assert(
      fc.property(anyLink, (raw) => {
        expectSane(parseDeepLink(raw));
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('accepts only the sam-desk scheme, without user info, with exactly one profile parameter', () => {
    fc.assert(
      fc.property(anyLink, (raw) => {
        const link = parseDeepLink(raw);
        if (link === null) return;
        const url = new URL(raw);
        expect(url.protocol).toBe('sam-desk:');
        expect(url.username + url.password).toBe('');
        const given = url.searchParams.getAll('profile');
        expect(given).toHaveLength(1);
        expect(link.profile).toBe(given[0]?.trim());
        expect(raw.length).toBeLessThanOrEqual(2_048);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('refuses every other scheme, whatever follows it', () => {
    fc.assert(
      fc.property(otherSchemes, separator, action, query, fragment, (scheme, between, name, search, hash) => {
        expect(parseDeepLink(`${scheme}${between}${name}${search}${hash}`)).toBeNull();
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('refuses ambiguous links: two profile parameters, or an action in the host and a path after it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documentedActions), validReference, validReference, fc.constantFrom('/x', '/../delete', '/reconsent', '/%2F'), (name, first, second, path) => {
        expect(parseDeepLink(`sam-desk://${name}?profile=${encodeURIComponent(first)}&profile=${encodeURIComponent(second)}`)).toBeNull();
        expect(parseDeepLink(`sam-desk:${name}?profile=${encodeURIComponent(first)}&profile=${encodeURIComponent(first)}`)).toBeNull();
        expect(parseDeepLink(`sam-desk://${name}${path}?profile=${encodeURIComponent(first)}`)).toBeNull();
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('refuses a profile reference with a control character anywhere in it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documentedActions), validReference, fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f), fc.nat(), (name, reference, code, at) => {
        // Between code points (not inside a surrogate pair), and never at an end, where trimming would remove it.
        const points = ['x', ...Array.from(reference)];
        const position = 1 + (at % (points.length - 1));
        const hostile = [...points.slice(0, position), String.fromCharCode(code), ...points.slice(position)].join('');
        expect(parseDeepLink(`sam-desk://${name}?profile=${encodeURIComponent(hostile)}`)).toBeNull();
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('reads every documented spelling of a valid link back exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documentedActions), validReference, fc.constantFrom('sam-desk://', 'SAM-DESK://', 'sam-desk:', 'sam-desk:///'), fc.constantFrom('', '/'), (name, reference, prefix, slash) => {
        expect(parseDeepLink(`${prefix}${name}${slash}?profile=${encodeURIComponent(reference)}`)).toEqual({ action: name, profile: reference });
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('finds the first deep link among any arguments, never throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), anyLink), { maxLength: 6 }), (argv) => {
        const link = deepLinkInArguments(argv);
        expectSane(link);
        const first = argv.find((argument) => argument.toLowerCase().startsWith('sam-desk:'));
        expect(link).toEqual(first === undefined ? null : parseDeepLink(first));
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);
});
