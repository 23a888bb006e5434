import type { Profile } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { requireBoundTokens } from './bound-endpoints';
import { keyVaultCredentialFor } from './key-vault-identity';
import { readKeyVaultSecret, tokenDigest, writeRefreshTokenToKeyVault } from './key-vault-store';
import type { AfterKeyVaultWrite } from './refresh-token-store';
import { SamError } from './sam-error';

/**
 * Writes the token in use to Key Vault as a new version: the copy the keychain kept when a consent or rotation could
 * not finish its vault write, or else the vault's own current value (a version outside its dates is written again
 * without them). When the profile does not use the keychain, its copy was only a safety net and is removed once Key
 * Vault has the token. A vault that already holds the keychain's token (the failed write had landed after all) gets no
 * second copy of it.
 */
export async function retryKeyVaultWrite(profile: Profile, vault: SecretVault, now: Date, afterKeyVaultWrite?: AfterKeyVaultWrite): Promise<string> {
  if (!profile.keyVault) throw new SamError('key-vault-not-found', { reason: 'not-configured' });
  const credential = await loadAppCredential(profile, vault);
  // The keychain's copy goes to the vault only if it was consented for these endpoints, the vault among them.
  await requireBoundTokens(profile, vault);
  const account = secretAccounts.refreshToken(profile.id);
  const kept = await vault.get(account);
  const current = await readKeyVaultSecret(profile, keyVaultCredentialFor(profile, credential, () => kept)).catch(() => null);
  const token = kept ?? current?.token ?? null;
  if (!token) throw new SamError('no-refresh-token');
  const keyVaultCredential = keyVaultCredentialFor(profile, credential, () => token);
  const fact = current?.fact;
  const outsideDates = fact?.status === 'current' && ((fact.expiresAt !== null && Date.parse(fact.expiresAt) <= now.getTime()) || (fact.notBefore !== null && Date.parse(fact.notBefore) > now.getTime()));
  // The vault was read once, above: a current version holding this very token, within its dates, needs no copy; any
  // other is known to differ ('' is the digest of no token), so the write does not read the vault again to compare.
  const sameToken = fact?.status === 'current' && current?.token !== null && current?.token !== undefined && tokenDigest(current.token) === tokenDigest(token);
  const { version, written } =
    sameToken && !outsideDates
      ? { version: fact.version, written: false }
      : await writeRefreshTokenToKeyVault(profile, keyVaultCredential, token, { user: '', tenantId: profile.tenantId, appId: profile.clientId, obtainedAt: now.toISOString() }, '');
  if (kept && !profile.keychain) await vault.delete(account);
  if (written) await afterKeyVaultWrite?.(profile, keyVaultCredential, version).catch(() => undefined);
  return version;
}
