import type { CloudState } from '../core/cloud-state';
import type { CloudEndpoints } from '../core/endpoints';
import { json, type EmulatorRequest, type EmulatorResponse } from '../core/http';
import { aadsts, tokenError } from './aadsts-errors';
import { tenantMatches } from './token-endpoint';

/**
 * OpenID discovery (v2 and v1), the signing keys, and instance discovery: what msal-node reads before its first
 * token request. The issuer carries the tenant id, or "{tenantid}" on the multi-tenant endpoints, as Entra's does.
 */
export function discoveryRoutes(cloud: CloudState, endpoints: CloudEndpoints) {
  const tenantIdFor = (tenant: string): string => (['organizations', 'common'].includes(tenant.toLowerCase()) ? '{tenantid}' : cloud.world.partner.tenantId);

  const v2 = (request: EmulatorRequest): EmulatorResponse => {
    const tenant = request.params.tenant ?? '';
    if (!tenantMatches(tenant, cloud)) return tokenError(aadsts.wrongTenant, cloud.clock.now(), { tenant });
    const base = `${endpoints.entra}/${tenant}`;
    return json(200, {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${endpoints.entra}/${tenantIdFor(tenant)}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${endpoints.entra}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    });
  };

  const v1 = (request: EmulatorRequest): EmulatorResponse => {
    const tenant = request.params.tenant ?? '';
    if (!tenantMatches(tenant, cloud)) return tokenError(aadsts.wrongTenant, cloud.clock.now(), { tenant });
    const base = `${endpoints.entra}/${tenant}`;
    return json(200, {
      token_endpoint: `${base}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${endpoints.entra}/common/discovery/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
      scopes_supported: ['openid'],
      issuer: `${endpoints.entra}/${tenantIdFor(tenant)}/`,
      authorization_endpoint: `${base}/oauth2/authorize`,
      end_session_endpoint: `${base}/oauth2/logout`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
    });
  };

  const keys = (): EmulatorResponse => json(200, cloud.keys.jwks);

  /** Instance discovery, for clients that do not list the host in knownAuthorities. */
  const instance = (request: EmulatorRequest): EmulatorResponse => {
    const host = new URL(endpoints.entra).host;
    const authorize = request.url.searchParams.get('authorization_endpoint') ?? `${endpoints.entra}/common/oauth2/v2.0/authorize`;
    const tenant = new URL(authorize).pathname.split('/')[1] ?? 'common';
    return json(200, {
      tenant_discovery_endpoint: `${endpoints.entra}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  };

  return { v1, v2, keys, instance };
}
