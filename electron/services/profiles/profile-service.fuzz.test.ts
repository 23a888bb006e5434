import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/ipc/contract';
import { secretLikeMemberNames } from '../../../shared/profiles/export-format';
import { importNoticeKeys, isGuid, profileFields, profileSchema, profileValidationKeys, tenantLookupErrorKeys, validateProfileInput, type Profile } from '../../../shared/profiles/profile';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../../../shared/testing/fuzz-runs';
import { codePoint } from '../../../shared/testing/fuzz-text';
import { bentProfileInput, guidArbitrary, hostileJson, secretMembers, validProfileInput, withSecrets } from '../../../shared/testing/profile-arbitraries';
import { memoryVault } from '../../testing/memory-vault';
import type { ProfileFile } from './profile-file';
import { createProfileService, type ImportResult } from './profile-service';

/**
 * Property-based fuzzing of profile import, which reads a file from anywhere: whatever the text, importProfiles
 * answers (never throws) with what the IPC contract accepts; a file it refuses is refused as a whole with a known
 * message; each entry is imported only when the profile rules accept it, or rejected with errors that name fields;
 * and no secret in the file ever reaches the stored profiles or the keychain. The settings file and the tenant
 * lookup are in memory, so each input costs microseconds. Run counts come from shared/testing/fuzz-runs.ts.
 */
const importResponse = methods['profiles.import'].response;
const fileErrorKeys = ['profiles.errors.importNotJson', 'profiles.errors.importFormat', 'profiles.errors.importNewerVersion', 'profiles.errors.importTooLarge'];
const entryMessageKeys = new Set<string>([
  ...profileValidationKeys.map((key) => `profiles.validation.${key}`),
  ...tenantLookupErrorKeys.map((key) => `profiles.errors.${key}`),
  ...importNoticeKeys.map((key) => `profiles.import.${key}`),
]);
const profileKeys = Object.keys(profileSchema.shape).sort();
const secretNames = new Set<string>([...secretLikeMemberNames, 'token', 'pfx']);
const DOMAIN_TENANT_ID = '7b0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b';

function setup() {
  let stored: readonly Profile[] = [];
  let writes = 0;
  const file: ProfileFile = {
    path: '/memory/profiles.json',
    read: async () => ({ profiles: stored, damaged: null }),
    write: async (profiles) => {
      writes += 1;
      // What the real file would hold: JSON, read back.
      stored = JSON.parse(JSON.stringify(profiles)) as Profile[];
    },
  };
  const vault = memoryVault();
  const service = createProfileService({
    file,
    vault,
    // A GUID is its own id; of the domains, one is unknown (a lookup failure with field `tenant`).
    resolveTenant: async (tenant) =>
      isGuid(tenant) ? { ok: true, tenantId: tenant } : tenant === 'fabrikam.example' ? { ok: false, code: 'tenant-not-found', messageKey: 'profiles.errors.tenantNotFound', values: { tenant } } : { ok: true, tenantId: DOMAIN_TENANT_ID },
    now: () => new Date('2026-01-01T00:00:00.000Z'),
    newId: randomUUID,
    isReadableFile: async (path) => path.startsWith('/etc/'),
  });
  return { service, vault, stored: () => stored, writes: () => writes };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every key anywhere in a value. */
function keysIn(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...keysIn(child)]);
}

/** The facts every import result must satisfy, given the file's entries when it was an envelope. */
function expectSound(result: ImportResult, entries: readonly unknown[] | null, context: ReturnType<typeof setup>, secrets: readonly string[] = []): void {
  const parsed = importResponse.safeParse(result);
  expect(parsed.success, parsed.error?.message).toBe(true);
  expect(context.vault.entries.size).toBe(0);
  const seen = `${JSON.stringify(context.stored())}\n${JSON.stringify(result)}`;
  expect(secrets.filter((secret) => seen.includes(secret))).toEqual([]);
  if (!result.ok) {
    expect(fileErrorKeys).toContain(result.messageKey);
    expect(context.stored()).toEqual([]);
    return;
  }
  expect(result.entries.map((entry) => entry.index)).toEqual(result.entries.map((_, index) => index));
  if (entries !== null) expect(result.entries).toHaveLength(entries.length);
  expect(result.imported + result.rejected).toBe(result.entries.length);
  expect(context.stored()).toHaveLength(result.imported);
  expect(context.writes()).toBe(result.imported > 0 ? 1 : 0);
  const stored = context.stored();
  expect(stored.filter((profile) => !profileSchema.safeParse(profile).success)).toEqual([]);
  // Only the members a profile has: nothing else an entry carried (a secret, a stray member) is stored.
  expect(stored.filter((profile) => Object.keys(profile).sort().join() !== profileKeys.join())).toEqual([]);
  expect(stored.flatMap(keysIn).filter((key) => secretNames.has(key))).toEqual([]);
  const wrong: unknown[] = [];
  for (const entry of result.entries) {
    if (entry.status === 'imported') {
      // Accepted only what the profile rules accept.
      if (entries !== null && !validateProfileInput(entries[entry.index]).ok) wrong.push({ acceptedInvalid: entry.index });
      if (!isGuid(entry.profile.tenantId)) wrong.push({ tenantId: entry.profile.tenantId });
      wrong.push(...entry.notices.filter((notice) => !entryMessageKeys.has(notice.messageKey)));
    } else {
      if (entry.errors.length === 0) wrong.push({ rejectedWithoutError: entry.index });
      wrong.push(...entry.errors.filter((error) => !(profileFields as readonly string[]).includes(error.field) || !entryMessageKeys.has(error.messageKey)));
    }
  }
  expect(wrong).toEqual([]);
}

/** An entry: valid, bent, carrying secrets, or any JSON at all. */
const entry = fc.oneof(
  { weight: 3, arbitrary: validProfileInput },
  { weight: 3, arbitrary: bentProfileInput },
  { weight: 1, arbitrary: fc.tuple(validProfileInput, guidArbitrary).map(([input, tenantId]) => ({ ...input, tenantId })) },
  { weight: 1, arbitrary: validProfileInput.map((input) => ({ ...input, tenantId: input.tenant })) },
  { weight: 1, arbitrary: fc.tuple(validProfileInput, hostileJson).map(([input, tenantId]) => ({ ...input, tenantId })) },
  { weight: 1, arbitrary: hostileJson },
);
const envelope = fc.record(
  {
    format: fc.oneof(fc.constant('sam-desk-profiles'), hostileJson),
    version: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(0, 2, -1, 1.5, 1e300) }, { weight: 1, arbitrary: hostileJson }),
    exportedAt: fc.string(),
    profiles: fc.array(entry, { maxLength: 4 }),
  },
  { requiredKeys: ['version', 'profiles'] },
);

describe('fuzzing profile import', () => {
  it('never throws on any text, and refuses what is not an export with a known message', async () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: codePoint }), fc.jsonValue().map((value) => JSON.stringify(value)), fc.constantFrom('\uFEFF{"version":1,"profiles":[]}', '{"version":1,"profiles":[]', 'null', '1e400', '{"version":1e400,"profiles":[]}', '{"__proto__":{"version":1,"profiles":[{}]}}'));
    await fc.assert(
      fc.asyncProperty(text, async (json) => {
        const context = setup();
        const result = await context.service.importProfiles(json);
        expectSound(result, null, context);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('imports exactly the entries the profile rules accept, and names a field for each one it rejects', async () => {
    await fc.assert(
      fc.asyncProperty(envelope, async (file) => {
        const context = setup();
        const result = await context.service.importProfiles(JSON.stringify(file));
        const isEnvelope = (file.format === undefined || file.format === 'sam-desk-profiles') && file.version === 1;
        expectSound(result, isEnvelope ? file.profiles : null, context);
        if (isEnvelope) expect(result.ok).toBe(true);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('never stores or echoes a secret found in a file, even in prototype-named or duplicated members', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(entry, secretMembers), { minLength: 1, maxLength: 3 }), fc.boolean(), async (pairs, asRawText) => {
        const entries = pairs.map(([input, secrets]) => withSecrets(input, secrets));
        const secrets = pairs.flatMap(([, members]) => members.map(([, , value]) => value));
        let json = JSON.stringify({ version: 1, profiles: entries });
        if (asRawText && secrets[0] !== undefined) {
          // Members JSON.stringify cannot write: an own __proto__ and a duplicate clientSecret in every entry.
          json = json.replace(/\{"displayName"/g, `{"__proto__":{"clientSecret":"${secrets[0]}"},"clientSecret":"${secrets[0]}","clientSecret":"${secrets[0]}","displayName"`);
        }
        const context = setup();
        const result = await context.service.importProfiles(json);
        expectSound(result, asRawText ? null : entries, context, secrets);
        if (!result.ok) return;
        for (const [index, [input, members]] of pairs.entries()) {
          const outcome = result.entries[index];
          // A secret member found where secrets are looked for is reported, by name only, on an imported entry.
          const reportable =
            isPlainObject(input) && members.some(([name, where]) => (secretLikeMemberNames as readonly string[]).includes(name) && where !== 'cloud' && (where === '' || isPlainObject(input[where])));
          if (outcome?.status === 'imported' && reportable) {
            expect(outcome.notices.map((notice) => notice.messageKey)).toContain('profiles.import.secretsIgnored');
          }
        }
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);
});
