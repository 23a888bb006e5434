import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methods } from '../ipc/contract';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../testing/fuzz-runs';
import { codePoint } from '../testing/fuzz-text';
import { inspectToken } from './inspect';
import { MAX_JSON_DEPTH } from './json-object';
import { makeJwt, NOW } from './testing/make-jwt';

/**
 * Property-based fuzzing of the token inspector: whatever is pasted, inspectToken answers (never throws) with a
 * result the IPC contract accepts and that survives the trips it makes (structured clone over Electron IPC,
 * JSON for browser mode and `sam-desk inspect --json`), never echoes the signature, and is a pure function of its
 * input and clock. Run counts come from shared/testing/fuzz-runs.ts.
 */
const inspectionResponse = methods['tokens.inspect'].response;
/** base64url of the text's UTF-8 (as make-jwt's encoder, but native: the fuzz budget goes to the inspector). */
const base64UrlEncode = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const base64UrlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const base64UrlSegment = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...Array.from(base64UrlAlphabet)), minLength, maxLength });

/** Numbers JSON.stringify writes, with the edges of Date's range and of double precision. */
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 8.64e12, 8.64e12 + 1, -8.64e12, -8.64e12 - 1, 8.64e15, 1e21, -1e21, 1.5, 0.1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.integer({ min: -1e12, max: 1e12 }),
);
/** Number literals JSON.parse reads but JSON.stringify never writes: overflow to ±Infinity, underflow, too many digits. */
const rawNumberLiteral = fc.constantFrom('1e400', '-1e400', '1e-400', '-0', '0.0', '123456789012345678901234567890', '1E+999', '-1.7976931348623157e309', '9007199254740993');
/** Strings with every kind of text: emoji and combining marks, lone surrogates (escaped by JSON.stringify), controls. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: codePoint }),
  fc.constantFrom('', 'mfa', 'user_impersonation', 'https://api.partnercenter.microsoft.com', 'none', 'NONE', '2.0', '1.0', 'app', '\u202e\u0000\u001b[31m', '__proto__', 'a b  c\td'),
);
/** Keys the inspector reads, prototype names, and anything else. */
const claimName = fc.oneof(
  fc.constantFrom('exp', 'nbf', 'iat', 'aud', 'amr', 'scp', 'roles', 'ver', 'tid', 'upn', 'unique_name', 'preferred_username', 'email', 'appid', 'azp', 'idtyp', 'alg', 'kid', 'enc', 'typ'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', ''),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
);

/** JSON as text, so it can hold what JSON.stringify cannot make: duplicate keys, own `__proto__` members, raw literals. */
const { jsonText } = fc.letrec<{ jsonText: string; leaf: string; array: string; object: string }>((tie) => ({
  jsonText: fc.oneof({ maxDepth: 4, depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
  leaf: fc.oneof(
    hostileNumber.map((value) => JSON.stringify(value)),
    rawNumberLiteral,
    hostileString.map((value) => JSON.stringify(value)),
    fc.constantFrom('true', 'false', 'null'),
  ),
  array: fc.array(tie('jsonText'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(claimName, tie('jsonText')), { maxLength: 4 }).map(objectText),
}));

function objectText(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/** Values nested around the inspector's depth limit, or far deeper: a pasted token of ~16 kB can hold thousands of levels. */
const deeplyNested = fc
  .tuple(fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 3_000, max: 8_000 })), fc.constantFrom('[', '{"a":'), fc.constantFrom('1', '"x"', '[]', '{}'))
  .map(([depth, opener, core]) => opener.repeat(depth) + core + (opener === '[' ? ']' : '}').repeat(depth));

/** A claims or header object: mostly the claims the checks read, with hostile values; sometimes deeply nested. */
const claimsObjectText = fc.oneof(
  { weight: 10, arbitrary: fc.array(fc.tuple(claimName, jsonText), { maxLength: 8 }).map(objectText) },
  { weight: 1, arbitrary: deeplyNested.map((nested) => objectText([['exp', '1700000000'], ['x', nested]])) },
  { weight: 1, arbitrary: jsonText },
);
const headerObjectText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('{"alg":"RS256","kid":"k1","typ":"JWT"}', '{"alg":"none"}', '{"alg":"RSA-OAEP","enc":"A256GCM"}', '{}') },
  { weight: 3, arbitrary: fc.array(fc.tuple(fc.constantFrom('alg', 'kid', 'typ', 'enc', 'x5t', '__proto__'), jsonText), { maxLength: 5 }).map(objectText) },
  { weight: 1, arbitrary: claimsObjectText },
);

/** A JWT: header.claims.signature, with a signature long and random enough that it can only appear if echoed. */
const jwtParts = fc.record({
  header: headerObjectText.map(base64UrlEncode),
  claims: claimsObjectText.map(base64UrlEncode),
  signature: base64UrlSegment(24, 400),
});

/** A JWT-shaped string: 1–7 segments of random base64url, encoded JSON or raw text, around a fixed signature. */
const segment = fc.oneof(base64UrlSegment(0, 60), fc.base64String(), jsonText.map(base64UrlEncode), fc.string(), fc.string({ unit: 'grapheme', maxLength: 10 }));
const jwtShaped = fc.tuple(fc.array(segment, { maxLength: 6 }), base64UrlSegment(24, 100)).map(([parts, signature]) => ({ token: [...parts, signature].join('.'), signature }));

/** The wrappers an admin pastes a token in. */
const wrapper = fc.constantFrom<readonly [string, string]>(
  ['', ''],
  ['Bearer ', ''],
  ['Authorization: Bearer ', ''],
  ['"', '"'],
  ["'Bearer ", "'"],
  ['https://localhost/#access_token=', '&token_type=Bearer'],
  ['https://localhost/?id_token=', ''],
  ['{"access_token":"', '","token_type":"Bearer"}'],
  ['"refresh_token": "', '"'],
  ['  \n\t', '\r\n  '],
);

/** Anything at all: arbitrary strings in every unit, JWTs in wrappers, JWT-shaped strings, and a very long one. */
const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: codePoint }),
  fc.string({ unit: 'grapheme' }),
  fc.tuple(wrapper, jwtParts).map(([[before, after], parts]) => `${before}${parts.header}.${parts.claims}.${parts.signature}${after}`),
  fc.tuple(wrapper, jwtShaped).map(([[before, after], shaped]) => `${before}${shaped.token}${after}`),
  fc.tuple(wrapper, jsonText).map(([[before, after], text]) => `${before}${text}${after}`),
  fc.tuple(fc.integer({ min: 65_000, max: 66_000 }), fc.constantFrom('A', 'eyJ', '.', ' ')).map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
);

const now = fc.date({ noInvalidDate: true });

describe('fuzzing the token inspector', () => {
  it('never throws and always answers what the contract accepts, in a form IPC and JSON can carry', () => {
    fc.assert(
      fc.property(anyInput, now, (input, at) => {
        const result = inspectToken(input, at);
        const parsed = inspectionResponse.safeParse(result);
        expect(parsed.success, parsed.error?.message).toBe(true);
        if (result.kind === 'invalid') expect(result.problem).not.toBeNull();
        expect(result.checks.length > 0).toBe(result.kind === 'jwt');
        // Electron IPC structured-clones the result; browser mode and `sam-desk inspect --json` stringify it.
        expect(JSON.stringify(structuredClone(result))).toBe(JSON.stringify(result));
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('never echoes the signature segment of a JWT, in any wrapper', () => {
    fc.assert(
      fc.property(fc.tuple(wrapper, jwtParts), now, ([[before, after], parts], at) => {
        const result = inspectToken(`${before}${parts.header}.${parts.claims}.${parts.signature}${after}`, at);
        expect(inspectionResponse.safeParse(result).success).toBe(true);
        expect(JSON.stringify(result)).not.toContain(parts.signature);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('never echoes the last segment of a JWT-shaped string, nor a long opaque token', () => {
    fc.assert(
      fc.property(fc.oneof(jwtShaped, base64UrlSegment(24, 2_000).map((token) => ({ token, signature: token }))), now, ({ token, signature }, at) => {
        const text = JSON.stringify(inspectToken(token, at));
        expect(text).not.toContain(signature);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('is deterministic: the same input at the same instant gives the same result', () => {
    fc.assert(
      fc.property(anyInput, now, (input, at) => {
        const first = inspectToken(input, at);
        const second = inspectToken(input, new Date(at.getTime()));
        expect(second).toEqual(first);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('reads hostile claim values as facts or nulls, never as invalid times', () => {
    fc.assert(
      fc.property(jwtParts, now, (parts, at) => {
        const result = inspectToken(`${parts.header}.${parts.claims}.${parts.signature}`, at);
        const { issuedAt, notBefore, expiresAt, expired, secondsLeft } = result.times;
        expect([issuedAt, notBefore, expiresAt].filter((iso) => iso !== null && Number.isNaN(Date.parse(iso)))).toEqual([]);
        expect(secondsLeft === null || Number.isFinite(secondsLeft)).toBe(true);
        expect(expired === null).toBe(secondsLeft === null);
        const numbers = result.checks.flatMap((check) => Object.values(check.params)).filter((value) => typeof value === 'number');
        expect(numbers.filter((value) => !Number.isFinite(value))).toEqual([]);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);
});

describe('what fuzzing found', () => {
  const nested = (depth: number): string => `{"exp":1700000000,"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
  const token = (claimsText: string): string => `${base64UrlEncode('{"alg":"RS256"}')}.${base64UrlEncode(claimsText)}.c2lnbmF0dXJl`;

  it('reads claims nested as deep as MAX_JSON_DEPTH, and refuses deeper ones instead of returning what IPC cannot carry', () => {
    expect(inspectToken(token(nested(MAX_JSON_DEPTH)), NOW).kind).toBe('jwt');
    expect(inspectToken(token(nested(MAX_JSON_DEPTH + 1)), NOW)).toMatchObject({ kind: 'invalid', claims: null, problem: { messageKey: 'inspector.problems.payload-not-json' } });
    // Found by the first property: a 16 kB token whose claims nest 6,000 arrays deep made structuredClone,
    // JSON.stringify and `sam-desk inspect` overflow the stack.
    const deep = inspectToken(token(nested(6_000)), NOW);
    expect(() => structuredClone(deep)).not.toThrow();
    expect(() => JSON.stringify(deep)).not.toThrow();
  });

  it('refuses a header nested too deeply as well', () => {
    const header = `{"alg":"RS256","x":${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}}`;
    expect(inspectToken(`${base64UrlEncode(header)}.${base64UrlEncode('{}')}.c2ln`, NOW)).toMatchObject({ kind: 'invalid', header: null });
    expect(inspectToken(makeJwt({ a: [[{ b: [1] }]] }), NOW).kind).toBe('jwt');
  });
});
