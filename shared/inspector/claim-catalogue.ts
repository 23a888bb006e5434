/**
 * The claims Entra ID puts in access and ID tokens, how to show each value, and the ids admins meet in them.
 * Explanations are i18n keys (`inspector.claims.<name>`) so the renderer and the CLI speak the reader's language.
 */

export type ClaimDisplay = 'time' | 'list' | 'text' | 'json';

export const claimCatalogue: Readonly<Record<string, { readonly kind: ClaimDisplay }>> = {
  aud: { kind: 'text' },
  iss: { kind: 'text' },
  iat: { kind: 'time' },
  nbf: { kind: 'time' },
  exp: { kind: 'time' },
  auth_time: { kind: 'time' },
  tid: { kind: 'text' },
  oid: { kind: 'text' },
  sub: { kind: 'text' },
  upn: { kind: 'text' },
  unique_name: { kind: 'text' },
  preferred_username: { kind: 'text' },
  email: { kind: 'text' },
  name: { kind: 'text' },
  given_name: { kind: 'text' },
  family_name: { kind: 'text' },
  appid: { kind: 'text' },
  azp: { kind: 'text' },
  appidacr: { kind: 'text' },
  azpacr: { kind: 'text' },
  app_displayname: { kind: 'text' },
  scp: { kind: 'list' },
  roles: { kind: 'list' },
  groups: { kind: 'list' },
  amr: { kind: 'list' },
  acr: { kind: 'text' },
  acrs: { kind: 'list' },
  idtyp: { kind: 'text' },
  ver: { kind: 'text' },
  wids: { kind: 'list' },
  ipaddr: { kind: 'text' },
  idp: { kind: 'text' },
  nonce: { kind: 'text' },
  aio: { kind: 'text' },
  uti: { kind: 'text' },
  rh: { kind: 'text' },
  sid: { kind: 'text' },
  puid: { kind: 'text' },
  altsecid: { kind: 'text' },
  xms_tcdt: { kind: 'time' },
  xms_ftd: { kind: 'text' },
  xms_idrel: { kind: 'text' },
  xms_cc: { kind: 'list' },
  ctry: { kind: 'text' },
  tenant_region_scope: { kind: 'text' },
  onprem_sid: { kind: 'text' },
  hasgroups: { kind: 'text' },
  login_hint: { kind: 'text' },
  cnf: { kind: 'json' },
};

export function isKnownClaim(name: string): boolean {
  return Object.hasOwn(claimCatalogue, name);
}

/** The i18n key explaining a claim; claims Entra does not document get a generic explanation. */
export function explainClaim(name: string): string {
  return isKnownClaim(name) ? `inspector.claims.${name}` : 'inspector.claims.unknown';
}

/** Partner Center's API, as an audience URL and as its first-party application id. */
export const PARTNER_CENTER_AUDIENCE = 'https://api.partnercenter.microsoft.com';
export const PARTNER_CENTER_APP_ID = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';

/** Ids and audiences admins meet in tokens, by lower-case value, with the names they know them by. */
export const wellKnownIds: Readonly<Record<string, string>> = {
  [PARTNER_CENTER_AUDIENCE]: 'Partner Center API',
  [`${PARTNER_CENTER_AUDIENCE}/`]: 'Partner Center API',
  [PARTNER_CENTER_APP_ID]: 'Partner Center API',
  'https://graph.microsoft.com': 'Microsoft Graph',
  'https://graph.microsoft.com/': 'Microsoft Graph',
  '00000003-0000-0000-c000-000000000000': 'Microsoft Graph',
  'https://vault.azure.net': 'Azure Key Vault',
  'cfa8b339-82a2-471a-a3c9-0fc0be7a4093': 'Azure Key Vault',
  'https://management.azure.com/': 'Azure Resource Manager',
  'https://management.azure.com': 'Azure Resource Manager',
  '797f4846-ba00-4fd7-ba43-dac1f8f63013': 'Azure Service Management',
  '00000002-0000-0000-c000-000000000000': 'Azure AD Graph (retired)',
  '1950a258-227b-4e31-a9cf-717495945fc2': 'Microsoft Azure PowerShell',
  '04b07795-8ddb-461a-bbee-02f9e1bf7b46': 'Microsoft Azure CLI',
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator (role)',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator (role)',
  'b79fbf4d-3ef9-4689-8143-76b194e85509': 'Default user role',
};
