import { randomUUID } from 'node:crypto';
import type { Profile } from '../../shared/profiles/profile';

/**
 * A stored connection profile for the local cloud's seeded partner and app, built directly (not through the profile
 * service) for tests of the consent and token services: refresh token in the keychain and in Key Vault as `secretName`.
 */
/** What it needs of a running local cloud (named by shape: product-side code does not import the emulators). */
interface LocalCloudShape {
  readonly endpoints: { readonly entra: string; readonly keyVault: string; readonly partnerCenter: string };
  readonly state: { readonly world: { readonly partner: { readonly domain: string; readonly tenantId: string }; readonly app: { readonly clientId: string } } };
}

export function localCloudProfileRecord(cloud: LocalCloudShape, options: { readonly displayName: string; readonly secretName: string }): Profile {
  const { world } = cloud.state;
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    displayName: options.displayName,
    tenant: world.partner.domain,
    tenantId: world.partner.tenantId,
    clientId: world.app.clientId,
    credential: { kind: 'secret' },
    keyVault: { vaultUrl: cloud.endpoints.keyVault, secretName: options.secretName, access: 'app' },
    keychain: true,
    redirectPort: 'any',
    cloud: { kind: 'custom', authorityHost: cloud.endpoints.entra, partnerCenterUrl: cloud.endpoints.partnerCenter, keyVaultSuffix: new URL(cloud.endpoints.keyVault).host },
    createdAt: now,
    updatedAt: now,
  };
}
