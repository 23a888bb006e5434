import { json, type EmulatorResponse } from '../core/http';

/**
 * Partner Center's error body: `{code, description, data, source}` with source "PartnerFD" (its front door).
 * Clients switch on the HTTP status and the numeric code, and some (CIPP) match the description text, so the
 * codes and wordings below are the ones seen from the real service where known; each says when it is not.
 */
export function partnerError(status: number, code: number, description: string, headers: Record<string, string> = {}): EmulatorResponse {
  return json(status, { code, description, data: [], source: 'PartnerFD' }, headers);
}

/** 900420 is what Partner Center answers for a token it does not accept (e.g. a wrong audience). */
export const invalidToken = (description: string): EmulatorResponse => partnerError(401, 900420, description);

/** 900421: App+User call whose token lacks the `mfa` claim (enforced since 2026); the exact wording is unverified. */
export const mfaRequired = (): EmulatorResponse =>
  partnerError(401, 900421, 'Multi-factor authentication is required for App+User calls: the access token has no mfa claim in amr.');

/** 3000 is the documented BadRequest "Invalid property"; the real service words each case differently. */
export const badRequest = (description: string): EmulatorResponse => partnerError(400, 3000, description);

/** 60003 is the documented NotFound "Tenant not found" (a customer id is the customer's tenant id). */
export const customerNotFound = (customerId: string): EmulatorResponse => partnerError(404, 60003, `Customer ${customerId} not found.`);

/** 1000 is the documented generic NotFound. */
export const notFound = (description: string): EmulatorResponse => partnerError(404, 1000, description);

/** The numeric code of a 429 body is unverified; what clients rely on is the status and Retry-After. */
export const tooManyRequests = (retryAfterSeconds: number): EmulatorResponse =>
  partnerError(429, 429, `Too many requests. Retry after ${retryAfterSeconds} seconds.`, { 'Retry-After': String(retryAfterSeconds) });
