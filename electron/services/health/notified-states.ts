import { z } from 'zod';
import { healthStates, type HealthState } from '../../../shared/health/health-state';
import { createJsonFile } from './health-file';

/**
 * `<settings>/health-notified.json`: each profile's state as the scheduled check last saw it. Notifications compare
 * against this, not against a fresh assessment of the old facts: a token turns "expiring" by the calendar alone,
 * so re-assessing yesterday's facts today already says "expiring" and nothing would ever look worse. Kept on disk
 * so a restart neither repeats a notification nor misses one.
 */
const schema = z.record(z.string(), z.enum(healthStates));

export type NotifiedStates = Readonly<Record<string, HealthState>>;

export function createNotifiedStatesFile(directory: string) {
  return createJsonFile<NotifiedStates>({
    directory,
    name: 'health-notified.json',
    parse: (raw) => {
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    empty: () => ({}),
  });
}
