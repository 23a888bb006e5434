import { GRAPH_APP_ID, GRAPH_RESOURCE, KEY_VAULT_APP_ID, KEY_VAULT_RESOURCE, PARTNER_CENTER_APP_ID, PARTNER_CENTER_RESOURCE } from '../core/endpoints';

/** The resources the local cloud issues tokens for, with their delegated scopes, as the real directory knows them. */
export interface Resource {
  readonly uri: string;
  readonly appId: string;
  readonly delegatedScopes: readonly string[];
  /**
   * The application permissions (app roles) an app-only token for this resource carries, for apps without a grant of
   * their own. The SAM app's Graph roles are a cloud setting instead (`graphAppRoles`, see appRolesFor).
   */
  readonly appRoles: readonly string[];
}

export const resources: readonly Resource[] = [
  { uri: PARTNER_CENTER_RESOURCE, appId: PARTNER_CENTER_APP_ID, delegatedScopes: ['user_impersonation'], appRoles: [] },
  { uri: KEY_VAULT_RESOURCE, appId: KEY_VAULT_APP_ID, delegatedScopes: ['user_impersonation'], appRoles: [] },
  { uri: GRAPH_RESOURCE, appId: GRAPH_APP_ID, delegatedScopes: ['User.Read', 'Directory.Read.All', 'Directory.AccessAsUser.All'], appRoles: ['Directory.Read.All'] },
];

export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export function findResource(identifier: string): Resource | undefined {
  const normalized = identifier.replace(/\/+$/, '').toLowerCase();
  return resources.find((resource) => resource.uri === normalized || resource.appId === normalized);
}

export interface ScopeRequest {
  readonly resource: Resource | null;
  /** Delegated scopes on that resource (bare names, e.g. user_impersonation); ".default" means all consented. */
  readonly scopes: readonly string[];
  readonly oidc: readonly string[];
  readonly invalid: string | null;
}

/**
 * Splits a v2 `scope` parameter into the one resource it names plus OpenID scopes. Like Entra, one request names
 * one resource; "https://graph.microsoft.com/User.Read" and bare "User.Read" (Graph) are both understood.
 */
export function parseScopes(scope: string, v1Resource: string | null = null): ScopeRequest {
  const oidc: string[] = [];
  const scopes: string[] = [];
  let resource: Resource | null = v1Resource ? (findResource(v1Resource) ?? null) : null;
  if (v1Resource && !resource) return { resource: null, scopes, oidc, invalid: v1Resource };
  if (v1Resource) scopes.push('.default');
  for (const item of scope.split(/\s+/).filter((part) => part !== '')) {
    if (OIDC_SCOPES.has(item)) {
      oidc.push(item);
      continue;
    }
    const slash = item.lastIndexOf('/');
    const named = slash === -1 ? findResource('https://graph.microsoft.com') : findResource(item.slice(0, slash));
    const name = slash === -1 ? item : item.slice(slash + 1);
    if (!named || (name !== '.default' && !named.delegatedScopes.includes(name))) return { resource, scopes, oidc, invalid: item };
    if (resource && resource.uri !== named.uri) return { resource, scopes, oidc, invalid: item };
    resource = named;
    scopes.push(name);
  }
  return { resource, scopes, oidc, invalid: null };
}

/**
 * The delegated scopes an authorization request asks the user to consent to, as "resource/scope" strings. Unlike a
 * token request, an authorize request may name several resources (msal's extraScopesToConsent): the user
 * consents to all of them at once, and the code is later redeemed for one. Returns the first invalid item instead
 * when there is one.
 */
export function consentScopes(scope: string, v1Resource: string | null): { scopes: string[]; invalid: string | null } {
  if (v1Resource) {
    const single = parseScopes(scope, v1Resource);
    const resource = single.resource;
    return { scopes: resource ? resource.delegatedScopes.map((name) => `${resource.uri}/${name}`) : [], invalid: single.invalid };
  }
  const scopes: string[] = [];
  for (const item of scope.split(/\s+/).filter((part) => part !== '' && !OIDC_SCOPES.has(part))) {
    const single = parseScopes(item);
    const resource = single.resource;
    if (single.invalid !== null || !resource) return { scopes, invalid: single.invalid ?? item };
    for (const name of single.scopes) scopes.push(...(name === '.default' ? resource.delegatedScopes : [name]).map((scopeName) => `${resource.uri}/${scopeName}`));
  }
  return { scopes, invalid: null };
}
