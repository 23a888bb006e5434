import { createHash } from 'node:crypto';
import type { CloudState } from '../core/cloud-state';
import { GRAPH_RESOURCE, type CloudEndpoints } from '../core/endpoints';
import { json, type EmulatorRequest, type EmulatorResponse } from '../core/http';
import { aadsts, tokenError } from './aadsts-errors';
import { authenticateClient } from './client-auth';
import { ACCESS_TOKEN_LIFETIME_SECONDS, CODE_LIFETIME_SECONDS, REFRESH_INACTIVITY_SECONDS, type EntraState, type RefreshGrant } from './entra-state';
import { appAccessToken, clientInfo, idToken, userAccessToken } from './issue-tokens';
import { redirectUriAllowed } from './redirect-uri';
import { parseScopes, type Resource } from './scopes';

/** The service principal's object id for the app in the partner tenant (stable, derived from the client id). */
export function servicePrincipalId(clientId: string): string {
  const hex = createHash('sha256').update(`sp|${clientId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * POST /{tenant}/oauth2/v2.0/token (and the v1 /oauth2/token with `resource=`): authorization_code with PKCE,
 * refresh_token with rotation and every way a grant dies, and client_credentials.
 */
export function tokenEndpoint(cloud: CloudState, entra: EntraState, endpoints: CloudEndpoints, version: 'v1' | 'v2') {
  return async (request: EmulatorRequest): Promise<EmulatorResponse> => {
    const now = cloud.clock.now();
    const tenant = request.params.tenant ?? '';
    if (!tenantMatches(tenant, cloud)) return tokenError(aadsts.wrongTenant, now, { tenant });
    const throttled = cloud.throttle('entra');
    if (throttled !== null) return json(429, { error: 'temporarily_unavailable', error_description: 'AADSTS50196: The server terminated an operation because it encountered a client request loop.' }, { 'retry-after': String(throttled) });
    const form = await request.form();
    const grantType = form.get('grant_type');
    if (grantType !== null) entra.grantRequests.set(grantType, (entra.grantRequests.get(grantType) ?? 0) + 1);
    const tokenUrl = `${endpoints.entra}/${tenant}/oauth2/${version === 'v2' ? 'v2.0/' : ''}token`;
    const clientFailure = await authenticateClient(form, cloud, entra, tokenUrl);
    if (clientFailure) return tokenError(clientFailure, now, { clientId: form.get('client_id') ?? '' });
    const v1Resource = version === 'v1' ? form.get('resource') : null;
    switch (grantType) {
      case 'authorization_code':
        return redeemCode(form, v1Resource);
      case 'refresh_token':
        return redeemRefreshToken(form, v1Resource);
      case 'client_credentials':
        return clientCredentials(form, v1Resource);
      case null:
        return tokenError(aadsts.missingParameter, now, { parameter: 'grant_type' });
      default:
        return tokenError(aadsts.unsupportedGrant, now);
    }
  };

  async function redeemCode(form: URLSearchParams, v1Resource: string | null): Promise<EmulatorResponse> {
    const now = cloud.clock.now();
    const code = form.get('code');
    if (code === null) return tokenError(aadsts.missingParameter, now, { parameter: 'code' });
    const issued = entra.codes.get(code);
    if (!issued) return tokenError(aadsts.malformedGrant, now);
    if (issued.redeemed) return tokenError(aadsts.codeRedeemed, now);
    if (cloud.clock.nowSeconds() - issued.issuedAt > CODE_LIFETIME_SECONDS) return tokenError(aadsts.grantExpired, now);
    const redirectUri = form.get('redirect_uri') ?? '';
    const clientId = (form.get('client_id') ?? '').toLowerCase();
    if (clientId !== issued.request.clientId) return tokenError(aadsts.differentClient, now);
    if (redirectUri !== issued.request.redirectUri || !redirectUriAllowed(redirectUri, cloud.world.appById(clientId)?.redirectUris ?? [])) {
      return tokenError(aadsts.redirectMismatch, now, { redirectUri, clientId });
    }
    if (issued.request.codeChallenge !== null) {
      const verifier = form.get('code_verifier') ?? '';
      const computed = issued.request.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
      if (computed !== issued.request.codeChallenge) return tokenError(aadsts.pkceMismatch, now);
    }
    issued.redeemed = true;
    const scope = parseScopes(form.get('scope') ?? issued.request.scopes.join(' '), v1Resource ?? issued.request.v1Resource);
    if (scope.invalid !== null) return tokenError(aadsts.invalidScope, now, { scope: scope.invalid });
    return userTokens(clientId, issued.userId, issued.methods, issued.authTime, scope.resource, scope.scopes, scope.oidc, issued.request.nonce);
  }

  async function redeemRefreshToken(form: URLSearchParams, v1Resource: string | null): Promise<EmulatorResponse> {
    const now = cloud.clock.now();
    const token = form.get('refresh_token');
    if (token === null) return tokenError(aadsts.missingParameter, now, { parameter: 'refresh_token' });
    const grant = entra.refreshTokens.get(token);
    if (!grant) return tokenError(aadsts.malformedGrant, now);
    const failure = refreshFailure(grant, form.get('client_id') ?? '');
    if (failure) return failure;
    const scope = parseScopes(form.get('scope') ?? '', v1Resource);
    if (scope.invalid !== null) return tokenError(aadsts.invalidScope, now, { scope: scope.invalid });
    if (scope.resource) {
      const consented = entra.consentedScopes(grant.userId, grant.clientId);
      const missing = scope.scopes.filter((name) => name !== '.default' && !consented.has(`${scope.resource?.uri ?? ''}/${name}`));
      const anyForResource = [...consented].some((entry) => entry.startsWith(`${scope.resource?.uri ?? ''}/`));
      if (missing.length > 0 || !anyForResource) return tokenError(aadsts.consentRequired, now, { clientId: grant.clientId, appName: cloud.world.appById(grant.clientId)?.displayName ?? '' });
    }
    return userTokens(grant.clientId, grant.userId, grant.methods, grant.authTime, scope.resource, scope.scopes, scope.oidc, null);
  }

  /** Why a refresh token can no longer be redeemed, in the order Entra evaluates it; null when it can. */
  function refreshFailure(grant: RefreshGrant, clientId: string): EmulatorResponse | null {
    const now = cloud.clock.now();
    const nowSeconds = cloud.clock.nowSeconds();
    if (grant.clientId.toLowerCase() !== clientId.toLowerCase()) return tokenError(aadsts.differentClient, now);
    if (grant.expired) return tokenError(aadsts.grantExpired, now);
    if (nowSeconds - grant.issuedAt > REFRESH_INACTIVITY_SECONDS) {
      return tokenError(aadsts.refreshTokenInactive, now, { issued: new Date(grant.issuedAt * 1000).toISOString() });
    }
    const revokedAt = cloud.revokedAt.get(grant.userId);
    if (revokedAt !== undefined && revokedAt >= grant.authTime) return tokenError(aadsts.grantRevoked, now);
    const frequency = cloud.settings.signInFrequencySeconds;
    if (frequency !== null && nowSeconds - grant.authTime > frequency) return tokenError(aadsts.signInFrequency, now);
    if (cloud.settings.tenantRequiresMfa && !grant.methods.includes('mfa')) return tokenError(aadsts.mfaRequired, now);
    return null;
  }

  async function userTokens(clientId: string, userId: string, methods: readonly string[], authTime: number, resource: Resource | null, scopes: readonly string[], oidc: readonly string[], nonce: string | null): Promise<EmulatorResponse> {
    const user = cloud.world.userById(userId);
    if (!user) return tokenError(aadsts.grantRevoked, cloud.clock.now());
    const appName = cloud.world.appById(clientId)?.displayName ?? clientId;
    const consented = entra.consentedScopes(userId, clientId);
    const body: Record<string, unknown> = { token_type: 'Bearer' };
    if (resource) {
      const granted = scopes.includes('.default') ? [...consented].filter((entry) => entry.startsWith(`${resource.uri}/`)).map((entry) => entry.slice(resource.uri.length + 1)) : [...scopes];
      body.access_token = await userAccessToken(cloud, endpoints.entra, { user, clientId, appName, resource, scopes: granted, methods, authTime });
      body.scope = granted.map((name) => `${resource.uri}/${name}`).join(' ');
      body.expires_in = ACCESS_TOKEN_LIFETIME_SECONDS;
      body.ext_expires_in = ACCESS_TOKEN_LIFETIME_SECONDS;
    } else {
      body.scope = oidc.join(' ');
    }
    if (oidc.includes('openid') || !resource) body.id_token = await idToken(cloud, endpoints.entra, user, clientId, nonce, authTime);
    body.client_info = clientInfo(user, cloud.world.partner.tenantId);
    // v2 returns a refresh token only when offline_access was asked for; it rotates on every use.
    if (oidc.includes('offline_access') || resource === null || scopes.includes('.default')) {
      body.refresh_token = entra.issueRefreshToken({ clientId, userId, methods, authTime, issuedAt: cloud.clock.nowSeconds() });
    }
    entra.recordIssued(body.access_token, body.id_token, body.refresh_token);
    return json(200, body, { 'cache-control': 'no-store' });
  }

  async function clientCredentials(form: URLSearchParams, v1Resource: string | null): Promise<EmulatorResponse> {
    const now = cloud.clock.now();
    const scope = parseScopes(form.get('scope') ?? '', v1Resource);
    if (scope.invalid !== null || !scope.resource || (v1Resource === null && !scope.scopes.every((name) => name === '.default'))) {
      return tokenError(aadsts.invalidScope, now, { scope: form.get('scope') ?? '' });
    }
    const clientId = (form.get('client_id') ?? '').toLowerCase();
    const accessToken = await appAccessToken(cloud, endpoints.entra, clientId, servicePrincipalId(clientId), scope.resource, appRolesFor(cloud, clientId, scope.resource));
    entra.recordIssued(accessToken);
    return json(200, { token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME_SECONDS, ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS, access_token: accessToken }, { 'cache-control': 'no-store' });
  }
}

/**
 * The app roles (application permissions) an app-only token carries: the admin-consented Graph permissions of the
 * SAM app come from the cloud's settings (the control API grants or denies them); any other grant is the resource's.
 */
export function appRolesFor(cloud: CloudState, clientId: string, resource: Resource): readonly string[] {
  if (resource.uri === GRAPH_RESOURCE && cloud.world.appById(clientId) === cloud.world.app) return cloud.settings.graphAppRoles;
  return resource.appRoles;
}

/** The partner tenant by id or domain, or "organizations"/"common" (multi-tenant endpoints). */
export function tenantMatches(tenant: string, cloud: CloudState): boolean {
  const value = tenant.toLowerCase();
  return value === cloud.world.partner.tenantId || value === cloud.world.partner.domain || value === 'organizations' || value === 'common';
}
