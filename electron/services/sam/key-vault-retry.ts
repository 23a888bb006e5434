import type { Profile } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { requireBoundTokens } from './bound-endpoints';
import { keyVaultCredentialFor } from './key-vault-identity';
import { writeRefreshTokenToKeyVault } from './key-vault-store';
import { SamError } from './sam-error';

/**
 * Retries the Key Vault write a consent or rotation could not finish, from the copy the keychain kept. When the
 * profile does not use the keychain, that copy was only a safety net and is removed once Key Vault has the token.
 */
export async function retryKeyVaultWrite(profile: Profile, vault: SecretVault, now: Date): Promise<string> {
  if (!profile.keyVault) throw new SamError('key-vault-not-found', { reason: 'not-configured' });
  const credential = await loadAppCredential(profile, vault);
  // The keychain's copy goes to the vault only if it was consented for these endpoints, the vault among them.
  await requireBoundTokens(profile, vault);
  const account = secretAccounts.refreshToken(profile.id);
  const token = await vault.get(account);
  if (!token) throw new SamError('no-refresh-token');
  const version = await writeRefreshTokenToKeyVault(profile, keyVaultCredentialFor(profile, credential, () => token), token, {
    user: '',
    tenantId: profile.tenantId,
    appId: profile.clientId,
    obtainedAt: now.toISOString(),
  });
  if (!profile.keychain) await vault.delete(account);
  return version;
}
