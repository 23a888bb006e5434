import { createHash } from 'node:crypto';
import type { KeyVaultSecretFact, KeyVaultVersion, KeyVaultVersionCounts, StorePresence, TokenStoresFact } from '../../../shared/health/health-facts';
import type { Profile } from '../../../shared/profiles/profile';
import { loadAppCredential } from '../sam/app-credential';
import { classifyError } from '../sam/classify-error';
import { keyVaultCredentialFor } from '../sam/key-vault-identity';
import { readKeyVaultSecret, refreshTokenVersions } from '../sam/key-vault-store';
import { SamError, type SamErrorCode } from '../sam/sam-error';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';

/**
 * Where the profile's refresh token is, and whether Key Vault and the keychain hold the same one. The tokens are
 * compared by SHA-256 digest inside this function; neither the tokens nor their digests leave it.
 */
export interface TokenStoresReading {
  readonly stores: TokenStoresFact;
  /** null when the versions could not be listed (no vault, or no permission to list). */
  readonly versions: readonly KeyVaultVersion[] | null;
  /** The Key Vault secret as automation finds it; null when the profile has no vault. */
  readonly secret: KeyVaultSecretFact | null;
  /** All versions and the enabled ones (the list above keeps the newest 50); null when they could not be listed. */
  readonly versionCounts: KeyVaultVersionCounts | null;
  /** The first store failure, to report with its remedy. */
  readonly error: { readonly code: SamErrorCode; readonly detail: Readonly<Record<string, string | number>> } | null;
}

const digest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export async function readTokenStores(profile: Profile, vault: SecretVault, latestKnown: () => string | null): Promise<TokenStoresReading> {
  let error: TokenStoresReading['error'] = null;
  const fail = (caught: unknown): StorePresence => {
    const mapped = classifyError(caught);
    error ??= { code: mapped.code, detail: mapped.detail };
    return 'unreadable';
  };
  let keychainToken: string | null = null;
  let keychain: StorePresence = profile.keychain ? 'absent' : 'not-configured';
  try {
    keychainToken = await vault.get(secretAccounts.refreshToken(profile.id));
    // A Key Vault-only profile may still hold a fallback copy after a failed vault write: report what is there.
    if (keychainToken) keychain = 'present';
  } catch (caught) {
    keychain = profile.keychain ? fail(caught) : 'not-configured';
  }
  let vaultToken: string | null = null;
  let keyVault: StorePresence = profile.keyVault ? 'absent' : 'not-configured';
  let versions: KeyVaultVersion[] | null = null;
  let secret: KeyVaultSecretFact | null = null;
  let versionCounts: KeyVaultVersionCounts | null = null;
  if (profile.keyVault) {
    try {
      const credential = keyVaultCredentialFor(profile, await loadAppCredential(profile, vault), () => keychainToken ?? latestKnown());
      const reading = await readKeyVaultSecret(profile, credential);
      secret = reading.fact;
      vaultToken = reading.token;
      if (reading.fact.status === 'unreadable') keyVault = fail(new SamError(reading.fact.code, reading.fact.permission ? { permission: reading.fact.permission } : {}));
      else keyVault = vaultToken ? 'present' : 'absent';
      const listed = await refreshTokenVersions(profile, credential).listAll().catch(() => null);
      versions = listed?.slice(0, 50).map((entry) => ({ version: entry.version, createdAt: entry.createdAt?.toISOString() ?? null, enabled: entry.enabled, tags: entry.tags })) ?? null;
      versionCounts = listed ? { total: listed.length, enabled: listed.filter((entry) => entry.enabled).length } : null;
      // A disabled current version: the list says which one it is.
      if (secret.status === 'disabled') secret = { status: 'disabled', version: versions?.[0]?.version ?? null };
    } catch (caught) {
      keyVault = fail(caught);
      const mapped = classifyError(caught);
      secret = { status: 'unreadable', code: mapped.code, permission: typeof mapped.detail.permission === 'string' ? mapped.detail.permission : null };
    }
  }
  const sameToken = vaultToken && keychainToken && profile.keychain ? digest(vaultToken) === digest(keychainToken) : null;
  return { stores: { keyVault, keychain, sameToken }, versions, versionCounts, secret, error };
}
