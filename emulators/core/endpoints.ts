/**
 * Where each emulated service listens. Filled in once every server has its port (tests use port 0), and read by
 * routes at request time: Key Vault's 401 challenge names the Entra authority, tokens name their issuer, etc.
 */
export interface CloudEndpoints {
  entra: string;
  keyVault: string;
  partnerCenter: string;
  /** Microsoft Graph (https://graph.microsoft.com in the real cloud): the app registration's credentials. */
  graph: string;
  control: string;
}

/** The audiences the emulated resources accept, as the real ones do (URL or first-party application id). */
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';
export const PARTNER_CENTER_APP_ID = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';
export const KEY_VAULT_RESOURCE = 'https://vault.azure.net';
export const KEY_VAULT_APP_ID = 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
