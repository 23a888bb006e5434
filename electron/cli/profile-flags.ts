import type { ProfileInput } from '../../shared/profiles/profile';
import { DEFAULT_REDIRECT_PORT } from '../../shared/profiles/profile';

/** The options `sam-desk profile add|edit` understands; values come as --name=value. */
export const profileFlags = new Set([
  'name',
  'tenant',
  'client-id',
  'client-secret-stdin',
  'certificate',
  'thumbprint',
  'vault-url',
  'secret-name',
  'vault-access',
  'no-keychain',
  'keychain',
  'no-key-vault',
  'redirect-port',
  'cloud',
  'authority-host',
  'partner-center-url',
  'key-vault-suffix',
  'graph-url',
  'json',
]);

type Flags = ReadonlyMap<string, string | true>;

const text = (flags: Flags, name: string): string | undefined => {
  const value = flags.get(name);
  return typeof value === 'string' ? value : undefined;
};

/**
 * Builds the profile input from options, over an existing profile's values when editing. The result is validated
 * by the profile service, whose errors name the field and the fix.
 */
export function profileInputFromFlags(flags: Flags, base: Partial<ProfileInput> = {}): unknown {
  const cloudKind = text(flags, 'cloud') ?? base.cloud?.kind ?? 'public';
  const baseCustom = base.cloud?.kind === 'custom' ? base.cloud : undefined;
  // Microsoft Graph's URL is optional: kept from the profile being edited, and --graph-url= (empty) removes it.
  const graphUrl = text(flags, 'graph-url') ?? baseCustom?.graphUrl ?? '';
  const cloud =
    cloudKind === 'custom'
      ? {
          kind: 'custom',
          authorityHost: text(flags, 'authority-host') ?? baseCustom?.authorityHost ?? '',
          partnerCenterUrl: text(flags, 'partner-center-url') ?? baseCustom?.partnerCenterUrl ?? '',
          keyVaultSuffix: text(flags, 'key-vault-suffix') ?? baseCustom?.keyVaultSuffix ?? '',
          ...(graphUrl === '' ? {} : { graphUrl }),
        }
      : { kind: cloudKind };
  const certificate = text(flags, 'certificate');
  const credential = certificate !== undefined ? { kind: 'certificate', path: certificate, thumbprint: text(flags, 'thumbprint') ?? '' } : flags.has('client-secret-stdin') ? { kind: 'secret' } : (base.credential ?? { kind: 'secret' });
  const vaultUrl = text(flags, 'vault-url') ?? base.keyVault?.vaultUrl;
  const keyVault = flags.has('no-key-vault') || vaultUrl === undefined ? null : { vaultUrl, secretName: text(flags, 'secret-name') ?? base.keyVault?.secretName ?? '', access: text(flags, 'vault-access') ?? base.keyVault?.access ?? 'app' };
  const port = text(flags, 'redirect-port');
  return {
    displayName: text(flags, 'name') ?? base.displayName ?? '',
    tenant: text(flags, 'tenant') ?? base.tenant ?? '',
    clientId: text(flags, 'client-id') ?? base.clientId ?? '',
    credential,
    keyVault,
    keychain: flags.has('no-keychain') ? false : flags.has('keychain') ? true : (base.keychain ?? true),
    redirectPort: port === undefined ? (base.redirectPort ?? DEFAULT_REDIRECT_PORT) : port === 'any' ? 'any' : Number(port),
    cloud,
  };
}
