import { AzureCliCredential, type TokenCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/profiles/profile';
import type { AppCredential } from './app-credential';
import { keyVaultCredentialFor } from './key-vault-identity';

/** Which identity opens the vault, per the profile's choice (the admin and app paths run against the emulators in sam-core.test.ts). */
const appIdentity: TokenCredential = { getToken: async () => ({ token: 'app', expiresOnTimestamp: Date.now() + 60_000 }) };
const credential: AppCredential = {
  endpoints: { authorityHost: 'https://login.microsoftonline.com', tenantId: '11111111-1111-4111-8111-111111111111', clientId: '22222222-2222-4222-8222-222222222222', partnerCenterUrl: 'https://api.partnercenter.microsoft.com', graphUrl: 'https://graph.microsoft.com', keyVaultUrl: 'https://contoso.vault.azure.net/' },
  tokensBound: true,
  msalAuth: { clientSecret: 'unused' },
  keyVaultCredential: () => appIdentity,
};
const profile = (access: 'app' | 'admin' | 'azure-cli'): Profile => ({
  id: '0b6f3c2e-1d4a-4b5c-8d9e-0f1a2b3c4d5e',
  displayName: 'p',
  tenant: '11111111-1111-4111-8111-111111111111',
  tenantId: '11111111-1111-4111-8111-111111111111',
  clientId: '22222222-2222-4222-8222-222222222222',
  credential: { kind: 'secret' },
  keyVault: { vaultUrl: 'https://contoso.vault.azure.net/', secretName: 'rt', access },
  keychain: true,
  redirectPort: 8400,
  cloud: { kind: 'public' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('the Key Vault identity', () => {
  it('is the app, the Azure CLI login, or the admin as the profile says', async () => {
    expect(keyVaultCredentialFor(profile('app'), credential, () => null)).toBe(appIdentity);
    expect(keyVaultCredentialFor(profile('azure-cli'), credential, () => null)).toBeInstanceOf(AzureCliCredential);
    await expect(keyVaultCredentialFor(profile('admin'), credential, () => null).getToken('https://vault.azure.net/.default')).rejects.toMatchObject({ code: 'no-refresh-token' });
  });
});
