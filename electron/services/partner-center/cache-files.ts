import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

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
