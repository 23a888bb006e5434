import type { HealthFacts } from '../../../shared/health/health-facts';
import { createJsonFile } from './health-file';

/**
 * `<settings>/health.json`: the last known health facts of every profile (dates, claims, codes; no secret, no token
 * digest). Updates are read-modify-write, one at a time, so facts learned concurrently (a redemption during a check)
 * are all kept.
 */
const FORMAT = 'sam-desk-health';

interface Envelope {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly profiles: Record<string, HealthFacts>;
}

export function createHealthFactsFile(directory: string, changed: (profileId: string) => void = () => undefined) {
  const file = createJsonFile<Envelope>({
    directory,
    name: 'health.json',
    parse: (raw) => {
      const envelope = raw as Partial<Envelope> | null;
      return envelope?.format === FORMAT && typeof envelope.profiles === 'object' ? (envelope as Envelope) : null;
    },
    empty: () => ({ format: FORMAT, version: 1, profiles: {} }),
  });
  let turn: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<Record<string, HealthFacts>> => (await file.read()).profiles;
  const save = (profiles: Record<string, HealthFacts>) => file.write({ format: FORMAT, version: 1, profiles });
  return {
    path: file.path,
    read,
    update(profileId: string, change: (current: HealthFacts) => HealthFacts): Promise<HealthFacts> {
      const next = turn.catch(() => undefined).then(async () => {
        const all = await read();
        const updated = { ...change(all[profileId] ?? { profileId }), profileId };
        await save({ ...all, [profileId]: updated });
        changed(profileId);
        return updated;
      });
      turn = next;
      return next;
    },
    remove(profileId: string): Promise<void> {
      const next = turn.catch(() => undefined).then(async () => {
        const rest = Object.fromEntries(Object.entries(await read()).filter(([id]) => id !== profileId));
        await save(rest);
      });
      turn = next;
      return next;
    },
  };
}
