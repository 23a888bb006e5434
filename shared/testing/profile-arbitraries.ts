import fc from 'fast-check';
import { secretLikeMemberNames } from '../profiles/export-format';

/**
 * fast-check arbitraries for profile inputs and import files, for the fuzz tests of profile validation
 * (shared/profiles/profile.fuzz.test.ts) and profile import (electron/services/profiles/profile-service.fuzz.test.ts).
 */

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...Array.from('0123456789abcdef')), minLength: length, maxLength: length });
export const guidArbitrary = fc.uuid();

/** Values JSON can hold, including the awkward ones: huge and negative numbers, unicode, deep-ish nesting. */
export const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-1, 0, 1e308, -1e308, 8400.5, 65_536, Number.MAX_SAFE_INTEGER, '', ' ', '\u0000', '\u202e', '../../etc/passwd', 'javascript:alert(1)', 'any', 'ANY', true, null, [], {}),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

/** A clearly fake secret with a marker no generated value contains by chance. */
export const secretValue = hex(16).map((marker) => `SECRET-${marker}`);

/** A display name the rules accept: 1–100 characters after trimming. */
const displayName = fc
  .oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom('Contoso (production)', 'Åsa Öberg AB', '日本語のパートナー'))
  .filter((name) => name.trim().length >= 1 && name.trim().length <= 100);
const domain = fc.constantFrom('contoso.onmicrosoft.com', 'fabrikam.example', 'partner.co.uk', 'CONTOSO.OnMicrosoft.com');
const thumbprint = hex(40).chain((value) => fc.constantFrom(value, value.toUpperCase(), value.replace(/(..)/g, '$1 ').trim(), `\u200e${value}`));
const credential = fc.oneof(
  fc.constant({ kind: 'secret' as const }),
  fc.record({ kind: fc.constant('certificate' as const), path: fc.constantFrom('/etc/sam/app.pem', 'C:\\certs\\sam.pfx', 'relative/app.p12', '/missing.pem'), thumbprint }),
);
const publicCloud = fc.constantFrom({ kind: 'public' as const }, { kind: 'usgov' as const }, { kind: 'china' as const });
const customCloud = fc.record(
  {
    kind: fc.constant('custom' as const),
    authorityHost: fc.constantFrom('https://login.example.com', 'https://localhost:47300'),
    partnerCenterUrl: fc.constantFrom('https://api.partner.example.com', 'https://localhost:47301/pc'),
    keyVaultSuffix: fc.constantFrom('vault.example.com', 'localhost:47302'),
    graphUrl: fc.constantFrom('https://graph.example.com'),
  },
  { requiredKeys: ['kind', 'authorityHost', 'partnerCenterUrl', 'keyVaultSuffix'] },
);
const suffixes = { public: 'vault.azure.net', usgov: 'vault.usgovcloudapi.net', china: 'vault.azure.cn' } as const;

/** An entry the input rules accept (a profile editor's fields), as plain JSON. */
export const validProfileInput = fc
  .record({
    displayName,
    tenant: fc.oneof(guidArbitrary, domain),
    clientId: fc.oneof(guidArbitrary, guidArbitrary.map((id) => id.toUpperCase())),
    credential,
    keychain: fc.boolean(),
    redirectPort: fc.oneof(fc.constant(8400), fc.integer({ min: 1024, max: 65_535 }), fc.constant('any' as const)),
    cloud: fc.oneof(publicCloud, customCloud),
    withVault: fc.boolean(),
    vaultName: fc.constantFrom('contoso-kv', 'SamDeskVault1', 'a12'),
    secretName: fc.constantFrom('sam-refresh-token', 'rt1', 'Partner-Center'),
    access: fc.constantFrom('app' as const, 'admin' as const, 'azure-cli' as const),
  })
  .map(({ withVault, vaultName, secretName, access, ...entry }) => {
    const useVault = withVault || !entry.keychain;
    if (!useVault) return { ...entry, keyVault: null };
    const suffix = entry.cloud.kind === 'custom' ? entry.cloud.keyVaultSuffix : suffixes[entry.cloud.kind];
    const vaultUrl = /:\d+$/.test(suffix) ? `https://${suffix}/` : `https://${vaultName}.${suffix}/`;
    return { ...entry, keyVault: { vaultUrl, secretName, access } };
  });

/** A valid input with one member replaced by any JSON value, or dropped, or a nested member replaced. */
export const bentProfileInput = fc
  .tuple(validProfileInput, fc.constantFrom('displayName', 'tenant', 'clientId', 'credential', 'keyVault', 'keychain', 'redirectPort', 'cloud', 'credential.kind', 'credential.path', 'credential.thumbprint', 'keyVault.vaultUrl', 'cloud.kind', 'cloud.authorityHost'), fc.option(hostileJson, { nil: undefined }))
  .map(([entry, path, value]) => {
    const [outer, inner] = path.split('.') as [string, string | undefined];
    const bend = (node: Record<string, unknown>, key: string): Record<string, unknown> =>
      value === undefined ? Object.fromEntries(Object.entries(node).filter(([name]) => name !== key)) : { ...node, [key]: value };
    const copy = structuredClone(entry) as Record<string, unknown>;
    if (inner === undefined) return bend(copy, outer);
    const target = copy[outer];
    return typeof target === 'object' && target !== null ? { ...copy, [outer]: bend(target as Record<string, unknown>, inner) } : copy;
  });

/** Secret-looking members at the places secrets hide in other tools' files (top level, credential, key vault, cloud). */
export const secretMembers = fc.array(fc.tuple(fc.constantFrom(...secretLikeMemberNames, 'token', 'pfx'), fc.constantFrom('', 'credential', 'keyVault', 'cloud'), secretValue), { maxLength: 4 });

/** Puts secret members into an entry (a copy). */
export function withSecrets(entry: unknown, secrets: readonly (readonly [string, string, string])[]): unknown {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
  const copy = structuredClone(entry) as Record<string, unknown>;
  for (const [name, where, value] of secrets) {
    const target = where === '' ? copy : copy[where];
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, unknown>)[name] = value;
  }
  return copy;
}
