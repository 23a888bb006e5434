import type { JWTPayload } from 'jose';
import type { CloudState } from '../core/cloud-state';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from '../core/endpoints';
import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import type { TokenProblem } from '../core/signing-keys';
import { invalidToken, tooManyRequests } from './errors';

/**
 * Microsoft Graph's bearer validation, in the service's order: a token signed by Entra for Graph (its URL or its
 * first-party application id as the audience), from the partner tenant (the only directory this emulator holds),
 * then throttling. What the caller may read is decided per request (canReadApplication), from its roles or scopes.
 */
export interface GraphCaller {
  readonly claims: JWTPayload;
  /** App-only (client credentials): permissions are the app roles in `roles`; otherwise the delegated `scp`. */
  readonly appOnly: boolean;
  readonly appId: string;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
}

const AUDIENCES = [GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID];

const PROBLEM_TEXT: Record<TokenProblem, string> = {
  malformed: 'IDX14100: JWT is not well formed.',
  signature: 'Access token validation failure. Invalid signature.',
  expired: 'Lifetime validation failed, the token is expired.',
  'not-yet-valid': 'Lifetime validation failed, the token is not yet valid.',
  audience: 'Access token validation failure. Invalid audience.',
};

export async function authorizeGraph(state: CloudState, request: EmulatorRequest): Promise<{ ok: true; caller: GraphCaller } | { ok: false; response: EmulatorResponse }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return { ok: false, response: invalidToken('Access token is empty.') };
  const verified = await state.keys.verify(match[1], AUDIENCES, state.clock.now());
  if (!verified.ok) return { ok: false, response: invalidToken(PROBLEM_TEXT[verified.problem]) };
  const { claims } = verified;
  // Real Graph serves the token's own tenant; this emulator holds only the partner's directory (wording unverified).
  if (claims.tid !== state.world.partner.tenantId) return { ok: false, response: invalidToken('Access token validation failure. Invalid issuer.') };

  const retryAfter = state.throttle('graph');
  if (retryAfter !== null) return { ok: false, response: tooManyRequests(retryAfter) };

  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter((scope) => scope !== '') : [];
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : [];
  const appId = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : '';
  return { ok: true, caller: { claims, appOnly: typeof claims.scp !== 'string' && claims.idtyp === 'app', appId, roles, scopes } };
}

/** App roles that let an app-only caller read any application registration (GET /applications), per Graph's reference. */
const READ_ANY_APPLICATION_ROLES = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
/** Delegated scopes that let a signed-in user's app read application registrations. */
const READ_APPLICATION_SCOPES = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];

/**
 * Whether the caller may read the application with `appId`. Application.ReadWrite.OwnedBy reaches only the apps the
 * caller owns: here an app owns its own registration, so it may read itself with that role.
 */
export function canReadApplication(caller: GraphCaller, appId: string): boolean {
  if (!caller.appOnly) return caller.scopes.some((scope) => READ_APPLICATION_SCOPES.includes(scope));
  if (caller.roles.some((role) => READ_ANY_APPLICATION_ROLES.includes(role))) return true;
  return caller.roles.includes('Application.ReadWrite.OwnedBy') && caller.appId.toLowerCase() === appId.toLowerCase();
}
