import type { JWTPayload } from 'jose';
import type { CloudState } from '../core/cloud-state';
import { PARTNER_CENTER_APP_ID, PARTNER_CENTER_RESOURCE } from '../core/endpoints';
import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import type { TokenProblem } from '../core/signing-keys';
import { invalidToken, mfaRequired, tooManyRequests } from './errors';

/** Who is calling, as the audit log records it. */
export interface Caller {
  readonly claims: JWTPayload;
  /** App+User (delegated) rather than App-only. */
  readonly appUser: boolean;
  readonly userPrincipalName: string | undefined;
  readonly applicationId: string | undefined;
}

/** The audiences Partner Center accepts: its resource URI (with or without the slash) or its first-party app id. */
const AUDIENCES = [PARTNER_CENTER_RESOURCE, `${PARTNER_CENTER_RESOURCE}/`, PARTNER_CENTER_APP_ID];

const PROBLEM_TEXT: Record<TokenProblem, string> = {
  malformed: 'Unauthorized: Invalid Authorization header',
  signature: 'Unauthorized: The token signature is invalid.',
  expired: 'Unauthorized: The token is expired.',
  'not-yet-valid': 'Unauthorized: The token is not yet valid.',
  audience: 'The audience in the token is invalid and is not supported in Partner Center API.',
};

/**
 * The checks every Partner Center call passes, in the service's order: a valid bearer token for Partner Center;
 * then MFA enforcement (App+User tokens must carry `mfa` in `amr`; App-only tokens are exempt); then throttling.
 */
export async function authorize(state: CloudState, request: EmulatorRequest): Promise<{ ok: true; caller: Caller } | { ok: false; response: EmulatorResponse }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return { ok: false, response: invalidToken(PROBLEM_TEXT.malformed) };
  const verified = await state.keys.verify(match[1], AUDIENCES, state.clock.now());
  if (!verified.ok) return { ok: false, response: invalidToken(PROBLEM_TEXT[verified.problem]) };

  const caller = describe(verified.claims);
  if (state.settings.partnerCenterMfaEnforcement && caller.appUser && !hasMfa(verified.claims)) return { ok: false, response: mfaRequired() };

  const retryAfter = state.throttle('partnercenter');
  if (retryAfter !== null) return { ok: false, response: tooManyRequests(retryAfter) };
  return { ok: true, caller };
}

function describe(claims: JWTPayload): Caller {
  // A delegated token carries `scp`; Entra marks app-only tokens with idtyp "app" (and `roles` instead of `scp`).
  const appUser = typeof claims.scp === 'string' || claims.idtyp !== 'app';
  return {
    claims,
    appUser,
    userPrincipalName: text(claims.upn) ?? text(claims.unique_name),
    applicationId: text(claims.appid) ?? text(claims.azp),
  };
}

function hasMfa(claims: JWTPayload): boolean {
  return Array.isArray(claims.amr) && claims.amr.includes('mfa');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A route handler that runs only after `authorize` let the call through. */
export type PartnerHandler = (request: EmulatorRequest, caller: Caller) => Promise<EmulatorResponse> | EmulatorResponse;
