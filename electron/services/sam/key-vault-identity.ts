import { AzureCliCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import { endpointsFor } from '../../../shared/profiles/clouds';
import type { Profile } from '../../../shared/profiles/profile';
import type { AppCredential } from './app-credential';
import { createMsalApp } from './msal-app';
import { SamError } from './sam-error';

/**
 * The identity that reads and writes the profile's Key Vault secret. With `access: 'app'` it is the app
 * registration's own credential. With `access: 'admin'` it is the admin who consented: the consent also asked
 * for Key Vault's user_impersonation (extraScopesToConsent), and Entra refresh tokens are multi-resource, so the
 * refresh token at hand is redeemed for a Key Vault token — no second sign-in. Only while the stored refresh tokens
 * are bound to the profile's endpoints (a consent passes its own fresh token as bound): a token consented for another
 * sign-in host is never redeemed at this one.
 */
export function keyVaultCredentialFor(profile: Profile, credential: AppCredential, refreshToken: () => string | null): TokenCredential {
  // The account `az login` holds on this computer, for admins who already manage their vault from the CLI.
  if (profile.keyVault?.access === 'azure-cli') return new AzureCliCredential({ tenantId: profile.tenantId });
  if (profile.keyVault?.access !== 'admin') return credential.keyVaultCredential();
  return {
    async getToken(): Promise<AccessToken> {
      if (!credential.tokensBound) throw new SamError('no-refresh-token', { reason: 'endpoints-changed' });
      const token = refreshToken();
      if (!token) throw new SamError('no-refresh-token', { reason: 'key-vault-admin' });
      const result = await createMsalApp(profile, credential).acquireTokenByRefreshToken({ refreshToken: token, scopes: [keyVaultScope(profile)] });
      if (!result) throw new SamError('key-vault-unauthorized');
      return { token: result.accessToken, expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 30 * 60_000 };
    },
  };
}

export function keyVaultScope(profile: Profile): string {
  return `${endpointsFor(profile.cloud).keyVaultResource}/user_impersonation`;
}
