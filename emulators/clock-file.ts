import { renameSync, writeFileSync } from 'node:fs';
import type { EmulatorClock } from './core/clock';

/**
 * Publishes the local cloud's clock offset for the app (electron/services/app-clock.ts): written now and whenever
 * the control API moves the clock, through a temporary file and a rename so a reader never sees half a file.
 */
export function publishClock(clock: EmulatorClock, path: string): () => void {
  const write = (offsetSeconds: number): void => {
    const temporary = `${path}.${String(process.pid)}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ offsetSeconds })}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  };
  write(clock.offsetSeconds);
  return clock.onChange(write);
}

/** Where a descriptor's clock file lives: beside it, named after it. */
export function clockPathFor(descriptorPath: string): string {
  return `${descriptorPath.replace(/\.json$/, '')}-clock.json`;
}
