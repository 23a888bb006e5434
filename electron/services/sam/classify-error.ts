import { DESTINATION_REFUSED } from './msal-network';
import { SamError, type SamErrorCode } from './sam-error';

/** AADSTS error numbers and what they mean for a partner admin, per Entra's documented codes. */
const aadstsCodes: ReadonlyArray<readonly [number, SamErrorCode]> = [
  [700082, 'refresh-token-expired'],
  [70008, 'grant-expired'],
  [50173, 'grant-revoked'],
  [50076, 'mfa-required'],
  [50079, 'mfa-registration-required'],
  [70043, 'sign-in-frequency'],
  [65001, 'consent-missing'],
  [700084, 'spa-refresh-token'],
  [700007, 'wrong-client'],
  [7000215, 'client-secret-invalid'],
  [7000222, 'client-secret-expired'],
  [700027, 'client-assertion-invalid'],
  [50011, 'redirect-uri-mismatch'],
  [700016, 'app-not-found'],
  [90002, 'tenant-not-found'],
  [54005, 'code-invalid'],
  [501481, 'code-invalid'],
  [9002313, 'no-refresh-token'],
  // Entra's throttling ("the server terminated an operation because it encountered a client request loop"), with 429.
  [50196, 'throttled'],
];

const networkCodes = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/**
 * The AADSTS number of an Entra failure, from whichever part of the error carries it: msal-node's ServerError keeps
 * `error_codes[0]` as `errorNo`, @azure/identity's AuthenticationError keeps the list in `errorResponse`, and either
 * may be a number or a numeric string. Older bodies have no `error_codes`; then the "AADSTSnnnnn:" the description
 * starts with (before the `\r\n` lines with the trace id, correlation id and timestamp) names it.
 */
export function aadstsNumber(error: unknown): number | null {
  const candidate = error as { errorNo?: unknown; errorCodes?: unknown; errorResponse?: { errorCodes?: unknown; errorDescription?: unknown }; errorMessage?: unknown; message?: unknown } | null;
  const listed = (codes: unknown): unknown[] => (Array.isArray(codes) ? codes : []);
  for (const code of [candidate?.errorNo, ...listed(candidate?.errorCodes), ...listed(candidate?.errorResponse?.errorCodes)]) {
    const parsed = typeof code === 'number' ? code : typeof code === 'string' && /^\s*\d{1,10}\s*$/.test(code) ? Number(code) : Number.NaN;
    if (Number.isSafeInteger(parsed) && parsed > 0) return parsed;
  }
  const text = [candidate?.errorMessage, candidate?.message, candidate?.errorResponse?.errorDescription].filter((value): value is string => typeof value === 'string').join(' ');
  const match = /AADSTS(\d{4,8})/.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

/** Turns anything msal-node, the Azure SDK or the network threw into a SamError; SamErrors pass through. */
export function classifyError(error: unknown): SamError {
  if (error instanceof SamError) return error;
  const candidate = error as { code?: unknown; cause?: { code?: unknown }; statusCode?: unknown; status?: unknown; errorCode?: unknown; name?: unknown } | null;
  // The Azure SDK says statusCode; msal-node's ServerError says status.
  const throttled = candidate?.statusCode === 429 || candidate?.status === 429;
  const aadsts = aadstsNumber(error);
  if (aadsts !== null) {
    const known = aadstsCodes.find(([number]) => number === aadsts);
    return new SamError(known?.[1] ?? (throttled ? 'throttled' : 'identity-service-error'), { aadsts });
  }
  const code = typeof candidate?.code === 'string' ? candidate.code : typeof candidate?.cause?.code === 'string' ? candidate.cause.code : '';
  if (code === 'keychain-unavailable' || code === 'keychain-failed') return new SamError('keychain-unavailable');
  // msal-node reports an authority it cannot reach (no network, the sign-in host down) as endpoints_resolution_error:
  // its discovery request failed before any token request was made.
  if (networkCodes.has(code) || candidate?.errorCode === 'network_error' || candidate?.errorCode === 'endpoints_resolution_error' || (candidate?.name === 'TypeError' && (error as Error).message.includes('fetch failed'))) {
    return new SamError('network');
  }
  if (throttled) return new SamError('throttled');
  // msal-network.ts refused to send an Entra request anywhere but the bound sign-in host.
  if (candidate?.errorCode === DESTINATION_REFUSED) return new SamError('destination-refused', { service: 'entra' });
  if (candidate?.errorCode === 'nonce_mismatch' || candidate?.errorCode === 'state_mismatch') return new SamError('code-invalid', { reason: candidate.errorCode });
  return new SamError('identity-service-error');
}
