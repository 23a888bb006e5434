import type { Profile } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { keyVaultCredentialFor } from './key-vault-identity';
import { readKeyVaultSecret, writeRefreshTokenToKeyVault } from './key-vault-store';
import { SamError } from './sam-error';

/**
 * Writes the token in use to Key Vault as a new version: the copy the keychain kept when a consent or rotation could
 * not finish its vault write, or else the vault's own current value (a version outside its dates is written again
 * without them). When the profile does not use the keychain, its copy was only a safety net and is removed once Key
 * Vault has the token.
 */
export async function retryKeyVaultWrite(profile: Profile, vault: SecretVault, now: Date): Promise<string> {
  if (!profile.keyVault) throw new SamError('key-vault-not-found', { reason: 'not-configured' });
  const account = secretAccounts.refreshToken(profile.id);
  const kept = await vault.get(account);
  const credential = await loadAppCredential(profile, vault);
  const token = kept ?? (await readKeyVaultSecret(profile, keyVaultCredentialFor(profile, credential, () => null)).then((reading) => reading.token));
  if (!token) throw new SamError('no-refresh-token');
  const version = await writeRefreshTokenToKeyVault(profile, keyVaultCredentialFor(profile, credential, () => token), token, {
    user: '',
    tenantId: profile.tenantId,
    appId: profile.clientId,
    obtainedAt: now.toISOString(),
  });
  if (kept && !profile.keychain) await vault.delete(account);
  return version;
}
