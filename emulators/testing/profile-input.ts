import type { LocalCloud } from '../local-cloud';

/**
 * A connection profile for the local cloud's seeded partner and app, as the profile service takes it, with the app's
 * client secret beside it: what the demo, the benchmarks and the tests create. The refresh token goes to the
 * keychain, and to the local Key Vault under `keyVaultSecret` when one is named.
 */
export function localCloudProfile(cloud: LocalCloud, options: { readonly displayName: string; readonly keyVaultSecret?: string }) {
  const { world } = cloud.state;
  return {
    input: {
      displayName: options.displayName,
      tenant: world.partner.tenantId,
      clientId: world.app.clientId,
      credential: { kind: 'secret' as const },
      keyVault: options.keyVaultSecret ? { vaultUrl: cloud.endpoints.keyVault, secretName: options.keyVaultSecret, access: 'app' as const } : null,
      keychain: true,
      redirectPort: 'any' as const,
      cloud: { kind: 'custom' as const, authorityHost: cloud.endpoints.entra, partnerCenterUrl: cloud.endpoints.partnerCenter, keyVaultSuffix: new URL(cloud.endpoints.keyVault).host, graphUrl: cloud.endpoints.graph },
    },
    secrets: { clientSecret: world.app.clientSecret },
  };
}
