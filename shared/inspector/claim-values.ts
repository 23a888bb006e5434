/** Reading claim values that Entra sometimes sends as a string and sometimes as a list. */

export function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

export function listClaim(claims: Record<string, unknown>, name: string): string[] | null {
  const value = claims[name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter((item) => item !== '');
  return null;
}

/** A NumericDate claim (seconds since 1970) as milliseconds, or null when absent or not a usable number. */
export function timeClaimMs(claims: Record<string, unknown>, name: string): number | null {
  const value = claims[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const ms = value * 1000;
  // Date supports ±8.64e15 ms; beyond that toISOString throws.
  return Math.abs(ms) <= 8.64e15 ? ms : null;
}
