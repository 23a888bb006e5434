import { urgency, type HealthState } from '../../../shared/health/health-state';
import type { HealthEntry, HealthService } from './health-service';
import type { NotifiedStates } from './notified-states';

/**
 * While the app runs: the scheduled health check (daily by default), with keep-alive when the admin allowed it, and a
 * notification when a profile turns worse — into expiring, action needed or dead. A short timer looks whether a check
 * is due (so a laptop that slept through the hour catches up on waking) and the last check's time is read from the
 * facts, so restarting the app does not check again early.
 */
export interface HealthNotice {
  readonly entry: HealthEntry;
  readonly previous: HealthState;
}

export interface HealthSchedulerOptions {
  readonly health: HealthService;
  readonly now: () => Date;
  readonly notify: (notice: HealthNotice) => void;
  /** How often to look whether a check is due. */
  readonly pollMs?: number;
}

const NOTIFIED_STATES: ReadonlySet<HealthState> = new Set<HealthState>(['expiring', 'action-needed', 'dead']);

/** The profiles whose state got worse, since the scheduled check last saw them, into one worth a notification. */
export function worsened(seen: NotifiedStates, after: readonly HealthEntry[]): HealthNotice[] {
  return after.flatMap((entry) => {
    const was = seen[entry.profileId] ?? 'unknown';
    const now = entry.assessment.state;
    return NOTIFIED_STATES.has(now) && urgency(now) < urgency(was) ? [{ entry, previous: was }] : [];
  });
}

/** When the least recently checked profile was checked (null: some profile never was). */
function oldestCheck(entries: readonly HealthEntry[]): number | null {
  let oldest = Number.POSITIVE_INFINITY;
  for (const entry of entries) {
    const at = entry.facts.lastCheck?.at;
    if (!at) return null;
    oldest = Math.min(oldest, Date.parse(at));
  }
  return entries.length === 0 ? Number.POSITIVE_INFINITY : oldest;
}

export function startHealthScheduler(options: HealthSchedulerOptions): { readonly runIfDue: () => Promise<boolean>; readonly stop: () => void } {
  let running: Promise<boolean> | null = null;
  const runIfDue = (): Promise<boolean> => {
    running ??= (async () => {
      const settings = await options.health.settings.read();
      if (!settings.scheduled) return false;
      const before = await options.health.list();
      const last = oldestCheck(before);
      if (last !== null && options.now().getTime() - last < settings.intervalHours * 3_600_000) return false;
      const after = await options.health.checkAll({ refresh: settings.keepAlive });
      const notices = worsened(await options.health.notified.read(), after);
      await options.health.notified.write(Object.fromEntries(after.map((entry) => [entry.profileId, entry.assessment.state])));
      if (settings.notify) for (const notice of notices) options.notify(notice);
      return true;
    })()
      .catch(() => false)
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runIfDue(), options.pollMs ?? 10 * 60_000);
  timer.unref();
  // The first look soon after start, not at once: the window and the first paint come first.
  const first = setTimeout(() => void runIfDue(), 30_000);
  first.unref();
  return {
    runIfDue,
    stop: () => {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
