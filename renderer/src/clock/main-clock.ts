/**
 * The window's idea of "now", kept in step with main's. Main dates tokens, checks and facts by SAM Desk's clock,
 * which is the machine's against Microsoft and the local cloud's in the demo (where time can be moved forward);
 * countdowns and "2 hours ago" must agree with it. Differences under a few seconds are IPC latency, not a clock of
 * its own, and are ignored.
 */
const LATENCY_TOLERANCE_MS = 5_000;
let offsetMs = 0;

/** Learns main's time from an answer that carries it (`app.info`, `health.list`). */
export function followMainClock(mainNow: string): void {
  const difference = Date.parse(mainNow) - Date.now();
  if (Number.isFinite(difference)) offsetMs = Math.abs(difference) < LATENCY_TOLERANCE_MS ? 0 : difference;
}

/** Milliseconds since the epoch by main's clock. */
export function mainNow(): number {
  return Date.now() + offsetMs;
}
