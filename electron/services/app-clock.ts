import { readFileSync, statSync } from 'node:fs';
import { findLocalCloud } from './local-cloud';

/**
 * SAM Desk's clock. Against Microsoft it is the machine's. Against the built-in local cloud it is the local cloud's:
 * the emulators' clock can be moved forward ("80 days later") and the launcher publishes its offset in a small file
 * the descriptor names, so the app ages tokens, dates expiry and runs its schedule on the same time line as the
 * cloud that issued them — what a real wait of 80 days would show. An unreadable file keeps the last offset read.
 */
export function appClock(env: Readonly<Record<string, string | undefined>>): () => Date {
  const localCloud = findLocalCloud(env);
  const clockPath = localCloud.kind === 'local' ? localCloud.descriptor.clockPath : undefined;
  return clockPath ? localCloudClock(clockPath) : () => new Date();
}

/** Machine time plus the offset in `path`, re-read only when the file changes (a stat per call, no parse). */
export function localCloudClock(path: string): () => Date {
  let offsetMs = 0;
  let seen = '';
  return () => {
    try {
      const { mtimeMs, size, ino } = statSync(path);
      // Each write is a rename, so a new inode says "changed" even within one mtime tick.
      const stamp = `${String(ino)}:${String(mtimeMs)}:${String(size)}`;
      if (stamp !== seen) {
        const parsed = JSON.parse(readFileSync(path, 'utf8')) as { offsetSeconds?: unknown };
        if (typeof parsed.offsetSeconds === 'number' && Number.isFinite(parsed.offsetSeconds)) offsetMs = parsed.offsetSeconds * 1000;
        seen = stamp;
      }
    } catch {
      // Keep the last offset: the demo's launcher may be rewriting the file this instant.
    }
    return new Date(Date.now() + offsetMs);
  };
}
