import type { Profile } from '../../../shared/profiles/profile';
import { loadAppCredential } from '../sam/app-credential';
import { keyVaultCredentialFor } from '../sam/key-vault-identity';
import { retryKeyVaultWrite } from '../sam/key-vault-retry';
import { enableNewestRefreshTokenVersion, recoverRefreshTokenSecret } from '../sam/key-vault-store';
import type { AfterKeyVaultWrite } from '../sam/refresh-token-store';
import { SamError } from '../sam/sam-error';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';

/**
 * The one-click fixes for a Key Vault secret automation cannot read: recover a soft-deleted secret (all its versions
 * come back), enable its disabled current version, or write the token in use as a new version (after a failed write,
 * a missing secret, or a version outside its dates). Each needs its own Key Vault permission: recover, set, set.
 */
export const keyVaultRepairs = ['recover', 'enable', 'write'] as const;
export type KeyVaultRepair = (typeof keyVaultRepairs)[number];

/** Runs one repair; returns the version it made or enabled, when there is one. */
export async function repairKeyVault(profile: Profile, vault: SecretVault, repair: KeyVaultRepair, now: Date, afterKeyVaultWrite?: AfterKeyVaultWrite): Promise<string | null> {
  if (!profile.keyVault) throw new SamError('key-vault-not-found', { reason: 'not-configured' });
  // A new version is followed by the version hygiene every other write gets.
  if (repair === 'write') return retryKeyVaultWrite(profile, vault, now, afterKeyVaultWrite);
  // With the admin's identity for the vault, the refresh token at hand opens it.
  const known = await vault.get(secretAccounts.refreshToken(profile.id)).catch(() => null);
  const credential = keyVaultCredentialFor(profile, await loadAppCredential(profile, vault), () => known);
  if (repair === 'recover') {
    await recoverRefreshTokenSecret(profile, credential);
    return null;
  }
  return enableNewestRefreshTokenVersion(profile, credential);
}
