import type { Profile } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { keyVaultCredentialFor } from './key-vault-identity';
import { writeRefreshTokenToKeyVault } from './key-vault-store';
import type { AfterKeyVaultWrite } from './refresh-token-store';
import { SamError } from './sam-error';

/**
 * Retries the Key Vault write a consent or rotation could not finish, from the copy the keychain kept. When the
 * profile does not use the keychain, that copy was only a safety net and is removed once Key Vault has the token. A vault
 * that already holds the token (the failed write had landed after all) gets no second copy of it.
 */
export async function retryKeyVaultWrite(profile: Profile, vault: SecretVault, now: Date, afterKeyVaultWrite?: AfterKeyVaultWrite): Promise<string> {
  if (!profile.keyVault) throw new SamError('key-vault-not-found', { reason: 'not-configured' });
  const account = secretAccounts.refreshToken(profile.id);
  const token = await vault.get(account);
  if (!token) throw new SamError('no-refresh-token');
  const credential = await loadAppCredential(profile, vault);
  const keyVaultCredential = keyVaultCredentialFor(profile, credential, () => token);
  const { version, written } = await writeRefreshTokenToKeyVault(profile, keyVaultCredential, token, {
    user: '',
    tenantId: profile.tenantId,
    appId: profile.clientId,
    obtainedAt: now.toISOString(),
  });
  if (!profile.keychain) await vault.delete(account);
  if (written) await afterKeyVaultWrite?.(profile, keyVaultCredential, version).catch(() => undefined);
  return version;
}
