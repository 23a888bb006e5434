import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Deletes every offline cache file of a profile (its customers, its customers' users, and any copies set aside as
 * damaged). Called when the profile is removed; its cache key leaves the keychain at the same time, so even a file
 * missed here could not be read again.
 */
export async function removeProfileCaches(userDataDirectory: string, profileId: string): Promise<number> {
  const directory = join(userDataDirectory, 'cache');
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return 0;
  }
  const mine = names.filter((name) => name.startsWith(`${profileId}.`));
  await Promise.all(mine.map((name) => unlink(join(directory, name)).catch(() => undefined)));
  return mine.length;
}

/** The temporary file a cache write goes through before its atomic rename: named for the writing process. */
export function temporaryCachePath(cachePath: string, random: string): string {
  return `${cachePath}.${String(process.pid)}.${random}.tmp`;
}

/**
 * Deletes the temporary files that writes of this cache left behind when their process died before the rename (a
 * crash, a kill, a power cut): `<cache>.<pid>.<random>.tmp` of a process that no longer runs (and any of the older
 * `<cache>.<random>.tmp`). A running writer's file is left alone. Readers never look at these files; this only frees
 * the space. Returns how many were deleted.
 */
export async function removeStaleTemporaryFiles(cachePath: string): Promise<number> {
  const prefix = `${basename(cachePath)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(cachePath));
  } catch {
    return 0;
  }
  const stale = names.filter((name) => {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return false;
    const parts = name.slice(prefix.length, -'.tmp'.length).split('.');
    const pid = parts.length === 2 ? Number(parts[0]) : Number.NaN;
    return !(Number.isInteger(pid) && pid > 0 && processRuns(pid));
  });
  const removed = await Promise.all(stale.map((name) => unlink(join(dirname(cachePath), name)).then(() => true, () => false)));
  return removed.filter(Boolean).length;
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
