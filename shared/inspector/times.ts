import { timeClaimMs } from './claim-values';
import type { InspectionTimes } from './inspection';

/** iat, nbf and exp as ISO-8601, with whether the token has expired and how many seconds it has left at `now`. */
export function readTimes(claims: Record<string, unknown> | null, now: Date): InspectionTimes {
  if (claims === null) return { issuedAt: null, notBefore: null, expiresAt: null, expired: null, secondsLeft: null };
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  const expiresMs = timeClaimMs(claims, 'exp');
  const secondsLeft = expiresMs === null ? null : Math.floor((expiresMs - now.getTime()) / 1000);
  return {
    issuedAt: iso(timeClaimMs(claims, 'iat')),
    notBefore: iso(timeClaimMs(claims, 'nbf')),
    expiresAt: iso(expiresMs),
    expired: secondsLeft === null ? null : secondsLeft <= 0,
    secondsLeft,
  };
}
