import { createHash, randomUUID } from 'node:crypto';
import type { CloudState } from '../core/cloud-state';
import type { DirectoryUser } from '../data/world';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from './entra-state';
import type { Resource } from './scopes';

/**
 * Tokens as Entra issues them. Access tokens for Partner Center, Key Vault and Graph are v1 tokens (those
 * resources do not ask for v2), issued by the tenant's v1 issuer; ID tokens are v2. Claims follow Entra's
 * documented sets so the app's inspector and the resource emulators see what they would in production.
 */
export interface UserTokenInput {
  readonly user: DirectoryUser;
  readonly clientId: string;
  readonly appName: string;
  readonly resource: Resource;
  readonly scopes: readonly string[];
  readonly methods: readonly string[];
  readonly authTime: number;
}

export function v1Issuer(entraOrigin: string, tenantId: string): string {
  return `${entraOrigin}/${tenantId}/`;
}

export function v2Issuer(entraOrigin: string, tenantId: string): string {
  return `${entraOrigin}/${tenantId}/v2.0`;
}

function baseTimes(cloud: CloudState, lifetime: number): { iat: number; nbf: number; exp: number } {
  const now = cloud.clock.nowSeconds();
  return { iat: now, nbf: now, exp: now + lifetime };
}

export function userAccessToken(cloud: CloudState, entraOrigin: string, input: UserTokenInput): Promise<string> {
  const tenantId = cloud.world.partner.tenantId;
  const [given = '', ...family] = input.user.displayName.replace(/\s*\(.*\)$/, '').split(' ');
  return cloud.keys.sign({
    aud: input.resource.uri,
    iss: v1Issuer(entraOrigin, tenantId),
    ...baseTimes(cloud, ACCESS_TOKEN_LIFETIME_SECONDS),
    acr: '1',
    aio: randomUUID(),
    amr: [...input.methods],
    appid: input.clientId,
    app_displayname: input.appName,
    appidacr: '1',
    family_name: family.join(' '),
    given_name: given,
    idtyp: 'user',
    ipaddr: '127.0.0.1',
    name: input.user.displayName,
    oid: input.user.id,
    puid: createHash('sha256').update(input.user.id).digest('hex').slice(0, 16).toUpperCase(),
    rh: '0.emulated',
    scp: input.scopes.join(' '),
    sub: pairwiseSubject(input.user.id, input.resource.appId),
    tid: tenantId,
    unique_name: input.user.userPrincipalName,
    upn: input.user.userPrincipalName,
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
    ver: '1.0',
    wids: ['62e90394-69f5-4237-9190-012177145e10'],
  });
}

export function appAccessToken(cloud: CloudState, entraOrigin: string, clientId: string, servicePrincipalId: string, resource: Resource, roles: readonly string[]): Promise<string> {
  const tenantId = cloud.world.partner.tenantId;
  return cloud.keys.sign({
    aud: resource.uri,
    iss: v1Issuer(entraOrigin, tenantId),
    ...baseTimes(cloud, ACCESS_TOKEN_LIFETIME_SECONDS),
    aio: randomUUID(),
    appid: clientId,
    appidacr: '1',
    idp: v1Issuer(entraOrigin, tenantId),
    idtyp: 'app',
    oid: servicePrincipalId,
    rh: '0.emulated',
    roles: [...roles],
    sub: servicePrincipalId,
    tid: tenantId,
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
    ver: '1.0',
  });
}

export function idToken(cloud: CloudState, entraOrigin: string, user: DirectoryUser, clientId: string, nonce: string | null, authTime: number): Promise<string> {
  const tenantId = cloud.world.partner.tenantId;
  return cloud.keys.sign({
    aud: clientId,
    iss: v2Issuer(entraOrigin, tenantId),
    ...baseTimes(cloud, ACCESS_TOKEN_LIFETIME_SECONDS),
    auth_time: authTime,
    name: user.displayName,
    ...(nonce ? { nonce } : {}),
    oid: user.id,
    preferred_username: user.userPrincipalName,
    rh: '0.emulated',
    sub: pairwiseSubject(user.id, clientId),
    tid: tenantId,
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
    ver: '2.0',
  });
}

/** `client_info`: base64url JSON of the user's object id and home tenant, which msal builds the account id from. */
export function clientInfo(user: DirectoryUser, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: tenantId }), 'utf8').toString('base64url');
}

/** Entra's `sub` is pairwise: stable per user and app, different across apps. */
function pairwiseSubject(userId: string, audience: string): string {
  return createHash('sha256').update(`${userId}|${audience}`).digest('base64url').slice(0, 43);
}
