import { randomUUID } from 'node:crypto';
import { json, type EmulatorResponse } from '../core/http';

/**
 * Entra's token-endpoint error shape: HTTP 400 (401 for client authentication) with `error`,
 * `error_description` starting "AADSTSnnnnn:", `error_codes`, ids and a timestamp, as msal-node parses it. The
 * description carries the trace id, correlation id and timestamp on lines of their own (`\r\n`), as Entra's error
 * reference shows; bodies without `error_codes` (older ones) come from a patch-json fault that removes it.
 */
export interface AadstsError {
  readonly code: number;
  readonly error: 'invalid_grant' | 'invalid_client' | 'invalid_request' | 'interaction_required' | 'unauthorized_client' | 'invalid_scope' | 'unsupported_grant_type' | 'access_denied';
  readonly message: string;
  readonly suberror?: string;
  readonly status?: number;
}

export const aadsts = {
  refreshTokenInactive: { code: 700082, error: 'invalid_grant', message: 'The refresh token has expired due to inactivity. The token was issued on {issued} and was inactive for 90.00:00:00.' },
  grantExpired: { code: 70008, error: 'invalid_grant', message: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.' },
  grantRevoked: { code: 50173, error: 'invalid_grant', message: 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.', suberror: 'bad_token' },
  mfaRequired: { code: 50076, error: 'interaction_required', message: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access this resource.', suberror: 'basic_action' },
  mfaRegistrationRequired: { code: 50079, error: 'interaction_required', message: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access this resource.' },
  signInFrequency: { code: 70043, error: 'invalid_grant', message: 'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.', suberror: 'bad_token' },
  consentRequired: { code: 65001, error: 'invalid_grant', message: "The user or administrator has not consented to use the application with ID '{clientId}' named '{appName}'. Send an interactive authorization request for this user and resource.", suberror: 'consent_required' },
  differentClient: { code: 700007, error: 'invalid_grant', message: 'The refresh token was issued to a different client id. Use the application that obtained the consent.' },
  invalidClientSecret: { code: 7000215, error: 'invalid_client', message: 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.', status: 401 },
  expiredClientSecret: { code: 7000222, error: 'invalid_client', message: "The provided client secret keys for app '{clientId}' are expired. Visit the Azure portal to create new keys for your app.", status: 401 },
  invalidClientAssertion: { code: 700027, error: 'invalid_client', message: 'Client assertion failed signature validation.', status: 401 },
  redirectMismatch: { code: 50011, error: 'invalid_request', message: "The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'." },
  unknownClient: { code: 700016, error: 'unauthorized_client', message: "Application with identifier '{clientId}' was not found in the directory." },
  codeRedeemed: { code: 54005, error: 'invalid_grant', message: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.' },
  pkceMismatch: { code: 501481, error: 'invalid_grant', message: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.' },
  malformedGrant: { code: 9002313, error: 'invalid_grant', message: 'Invalid request. Request is malformed or invalid.' },
  missingParameter: { code: 900144, error: 'invalid_request', message: "The request body must contain the following parameter: '{parameter}'." },
  unsupportedGrant: { code: 70003, error: 'unsupported_grant_type', message: 'The app requested an unsupported grant type.' },
  invalidScope: { code: 70011, error: 'invalid_scope', message: "The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid." },
  wrongTenant: { code: 90002, error: 'invalid_request', message: "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud." },
} as const satisfies Record<string, AadstsError>;

export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function aadstsDescription(failure: AadstsError, values: Readonly<Record<string, string>>, traceId: string, correlationId: string, timestamp: string): string {
  return `AADSTS${String(failure.code)}: ${fill(failure.message, values)}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`;
}

export function tokenError(failure: AadstsError, now: Date, values: Readonly<Record<string, string>> = {}, correlationId: string = randomUUID()): EmulatorResponse {
  const traceId = randomUUID();
  const timestamp = now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return json(failure.status ?? 400, {
    error: failure.error,
    error_description: aadstsDescription(failure, values, traceId, correlationId, timestamp),
    error_codes: [failure.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${String(failure.code)}`,
    ...(failure.suberror ? { suberror: failure.suberror } : {}),
  }, { 'cache-control': 'no-store' });
}
