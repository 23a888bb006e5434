/**
 * When to try a Partner Center request again, and how long to wait. 429 waits what Retry-After says (bounded), then
 * backs off exponentially with jitter; 5xx, timeouts and dropped connections back off the same way. Bounded
 * attempts, so a dead service ends in an error the admin can act on rather than a spinner.
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Longest Retry-After honoured; a larger one is clamped to this. */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

/** The wait before attempt `attempt + 1` (attempt counts from 1), given the failed response's Retry-After if any. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfter: string | null, random: () => number): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxRetryAfterMs);
  const dated = retryAfter === null ? Number.NaN : Date.parse(retryAfter);
  if (Number.isFinite(dated)) return Math.min(Math.max(0, dated - Date.now()), policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Full jitter: spreads the retries of many parallel user syncs instead of synchronising them.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function isRetriableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}
