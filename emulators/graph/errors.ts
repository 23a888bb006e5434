import { randomUUID } from 'node:crypto';
import { json, type EmulatorResponse } from '../core/http';

/**
 * Microsoft Graph's error body: `{"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}`.
 * Clients branch on the status and `code`; the codes and wordings below are Graph's documented ones for directory
 * objects, except where a comment says they are unverified. No message ever carries a token or a secret.
 */
export type GraphErrorCode = 'InvalidAuthenticationToken' | 'Authorization_RequestDenied' | 'Request_ResourceNotFound' | 'Request_BadRequest' | 'Request_UnsupportedQuery' | 'BadRequest' | 'TooManyRequests';

export function graphError(status: number, code: GraphErrorCode, message: string, headers: Record<string, string> = {}): EmulatorResponse {
  const requestId = randomUUID();
  return json(status, { error: { code, message, innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': requestId } } }, headers);
}

/** A missing or unacceptable bearer token: 401, with the challenge Graph sends (naming its own first-party app id). */
export const invalidToken = (message: string): EmulatorResponse =>
  graphError(401, 'InvalidAuthenticationToken', message, {
    'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });

/** A valid token without the permission the operation needs (app-only: no fitting app role in `roles`). */
export const insufficientPrivileges = (): EmulatorResponse => graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

export const resourceNotFound = (id: string): EmulatorResponse =>
  graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export const unknownProperty = (name: string): EmulatorResponse => graphError(400, 'Request_BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.application'.`);

export const unsupportedQuery = (): EmulatorResponse => graphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified for property \'appId\' of resource \'Application\'.');

export const unknownSegment = (segment: string): EmulatorResponse => graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

/** The code and wording of Graph's 429 body are unverified; what clients rely on is the status and Retry-After. */
export const tooManyRequests = (retryAfterSeconds: number): EmulatorResponse =>
  graphError(429, 'TooManyRequests', 'Too many requests are being made. Retry after the time the Retry-After header gives.', { 'retry-after': String(retryAfterSeconds) });
