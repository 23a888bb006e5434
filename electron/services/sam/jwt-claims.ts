import { inspectToken } from '../../../shared/inspector/inspect';

/** A JWT's claims without verification (for metadata such as upn; trust comes from the TLS channel it came over). */
export function decodeJwtClaims(token: string): Record<string, unknown> {
  return inspectToken(token, new Date()).claims ?? {};
}
