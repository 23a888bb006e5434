import type { SamErrorCode } from './error-codes';

/**
 * Token errors that a new consent fixes. The error notice offers Reconsent for them, and the health assessment makes
 * Reconsent the next action: both read this one set, so a profile's health and its error notice never disagree.
 */
export const reconsentFixes: ReadonlySet<SamErrorCode> = new Set<SamErrorCode>([
  'refresh-token-expired',
  'grant-expired',
  'grant-revoked',
  'mfa-required',
  'sign-in-frequency',
  'consent-missing',
  'no-refresh-token',
  'token-without-mfa',
  'partner-center-mfa-required',
]);
