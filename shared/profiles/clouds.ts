/**
 * The Microsoft clouds a partner can live in, and the endpoints SAM Desk uses in each. "custom" is for sovereign
 * variants not listed and for the built-in local Microsoft cloud (the emulators).
 */
export type CloudKind = 'public' | 'usgov' | 'china' | 'custom';

export interface CloudEndpoints {
  /** Entra ID authority host, e.g. https://login.microsoftonline.com (no tenant, no trailing slash). */
  readonly authorityHost: string;
  /** Partner Center API base without /v1, e.g. https://api.partnercenter.microsoft.com. */
  readonly partnerCenterUrl: string;
  /** The Partner Center resource (token audience). */
  readonly partnerCenterResource: string;
  /** Key Vault host suffix, e.g. vault.azure.net: a vault URL must be https://<name>.<suffix>. */
  readonly keyVaultSuffix: string;
  /** The Key Vault resource (token audience). */
  readonly keyVaultResource: string;
  /**
   * Microsoft Graph's base without /v1.0, e.g. https://graph.microsoft.com, where token health reads the app
   * registration's credential expiry; null for a custom cloud that names none (Graph is then not asked).
   */
  readonly graphUrl: string | null;
  /** The Microsoft Graph resource (token audience). */
  readonly graphResource: string;
}

export const knownClouds: Readonly<Record<Exclude<CloudKind, 'custom'>, CloudEndpoints>> = {
  public: {
    authorityHost: 'https://login.microsoftonline.com',
    partnerCenterUrl: 'https://api.partnercenter.microsoft.com',
    partnerCenterResource: 'https://api.partnercenter.microsoft.com',
    keyVaultSuffix: 'vault.azure.net',
    keyVaultResource: 'https://vault.azure.net',
    graphUrl: 'https://graph.microsoft.com',
    graphResource: 'https://graph.microsoft.com',
  },
  // Sovereign endpoints as Microsoft documents them for Partner Center, Key Vault and Graph (not verified against a live
  // tenant). Azure Government's Graph is the GCC High one; DoD tenants use dod-graph.microsoft.us (a custom cloud).
  usgov: {
    authorityHost: 'https://login.microsoftonline.us',
    partnerCenterUrl: 'https://api.partnercenter.microsoft.us',
    partnerCenterResource: 'https://api.partnercenter.microsoft.us',
    keyVaultSuffix: 'vault.usgovcloudapi.net',
    keyVaultResource: 'https://vault.usgovcloudapi.net',
    graphUrl: 'https://graph.microsoft.us',
    graphResource: 'https://graph.microsoft.us',
  },
  china: {
    authorityHost: 'https://login.chinacloudapi.cn',
    partnerCenterUrl: 'https://partner.partnercenterapi.microsoftonline.cn',
    partnerCenterResource: 'https://partner.partnercenterapi.microsoftonline.cn',
    keyVaultSuffix: 'vault.azure.cn',
    keyVaultResource: 'https://vault.azure.cn',
    graphUrl: 'https://microsoftgraph.chinacloudapi.cn',
    graphResource: 'https://microsoftgraph.chinacloudapi.cn',
  },
};

/** The endpoints for a profile's cloud choice. Custom clouds (and the local emulators) use the public resource ids. */
export function endpointsFor(cloud: { kind: 'public' | 'usgov' | 'china' } | { kind: 'custom'; authorityHost: string; partnerCenterUrl: string; keyVaultSuffix: string; graphUrl?: string | undefined }): CloudEndpoints {
  if (cloud.kind !== 'custom') return knownClouds[cloud.kind];
  return {
    authorityHost: cloud.authorityHost.replace(/\/+$/, ''),
    partnerCenterUrl: cloud.partnerCenterUrl.replace(/\/+$/, ''),
    partnerCenterResource: knownClouds.public.partnerCenterResource,
    keyVaultSuffix: cloud.keyVaultSuffix,
    keyVaultResource: knownClouds.public.keyVaultResource,
    graphUrl: cloud.graphUrl === undefined || cloud.graphUrl.trim() === '' ? null : cloud.graphUrl.trim().replace(/\/+$/, ''),
    graphResource: knownClouds.public.graphResource,
  };
}
