import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { profileSchema, type Profile } from '../../../shared/profiles/profile';
import { ProfileError } from './profile-errors';

/**
 * The profiles settings file, `profiles.json` in the app's data directory:
 *
 *   { "version": 1, "profiles": [Profile, …] }
 *
 * Never holds a secret. Writes are atomic (a temp file in the same directory, mode 0o600, fsync, rename over the
 * old file), so a crash leaves the old file or the new one, never half of one. A damaged file (not JSON, or not
 * profiles) is never silently replaced: it is renamed to `profiles.json.damaged-<timestamp>` and reported, and
 * whatever valid profiles it held are carried over into a fresh file. A missing file means no profiles; a file
 * from a newer SAM Desk is left alone and reported.
 */
export const PROFILES_FILE_NAME = 'profiles.json';
export const PROFILES_FILE_VERSION = 1;

export type DamageReason = 'not-json' | 'schema';

/** Shown by the UI as t(messageKey, { ...report, reason: t(`profiles.errors.damagedReasons.${report.reason}`) }). */
export interface DamagedFileReport {
  readonly messageKey: 'profiles.errors.damagedFile';
  /** The settings file. */
  readonly path: string;
  /** Where the damaged original is kept, byte for byte. */
  readonly movedTo: string;
  readonly reason: DamageReason;
  /** Valid profiles carried over into the new settings file. */
  readonly recovered: number;
  /** Entries that could not be read (still in the moved-aside file); 0 when the file as a whole could not be read. */
  readonly dropped: number;
}

export interface ProfileFileContents {
  readonly profiles: readonly Profile[];
  /** Set when this read found the file damaged and moved it aside. */
  readonly damaged: DamagedFileReport | null;
}

export interface ProfileFile {
  readonly path: string;
  /** Throws ProfileError 'file-unreadable', 'file-newer-version', or 'file-unwritable' (a damaged file could not be moved aside). */
  read(): Promise<ProfileFileContents>;
  /** Throws ProfileError 'file-unwritable'; the old file is then unchanged. */
  write(profiles: readonly Profile[]): Promise<void>;
}

export interface ProfileFileOptions {
  /** The directory of profiles.json (created, mode 0o700, on the first write). */
  readonly directory: string;
  /** For the damaged-file timestamp. */
  readonly now?: () => Date;
}

const envelopeSchema = z.object({ version: z.literal(PROFILES_FILE_VERSION), profiles: z.array(z.unknown()) });
const TEMP_FILE = /^profiles\.json\.[0-9a-f]{12}\.tmp$/;
/** A temp file this old is a leftover of a crash, not another process's write in progress. */
const STALE_TEMP_MS = 10 * 60 * 1000;

export function createProfileFile(options: ProfileFileOptions): ProfileFile {
  const { directory } = options;
  const now = options.now ?? (() => new Date());
  const path = join(directory, PROFILES_FILE_NAME);

  async function write(profiles: readonly Profile[]): Promise<void> {
    const text = `${JSON.stringify({ version: PROFILES_FILE_VERSION, profiles }, null, 2)}\n`;
    const temp = join(directory, `${PROFILES_FILE_NAME}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await renameWithRetry(temp, path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw new ProfileError('file-unwritable', { path }, { cause: error });
    }
    await syncDirectory(directory);
  }

  async function read(): Promise<ProfileFileContents> {
    await removeStaleTempFiles(directory, now());
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      // ENOTDIR: a folder on the way is a file, so there is no settings file either (writing will report it).
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return { profiles: [], damaged: null };
      throw new ProfileError('file-unreadable', { path }, { cause: error });
    }
    let data: unknown;
    try {
      // Editors on Windows may add a byte order mark.
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return moveAside('not-json', []);
    }
    const version = (data as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && Number.isInteger(version) && version > PROFILES_FILE_VERSION) {
      throw new ProfileError('file-newer-version', { path, version });
    }
    const envelope = envelopeSchema.safeParse(data);
    if (!envelope.success) return moveAside('schema', [], 0);
    const profiles: Profile[] = [];
    for (const entry of envelope.data.profiles) {
      const parsed = profileSchema.safeParse(entry);
      if (parsed.success && !profiles.some((profile) => profile.id === parsed.data.id)) profiles.push(parsed.data);
    }
    const dropped = envelope.data.profiles.length - profiles.length;
    return dropped === 0 ? { profiles, damaged: null } : moveAside('schema', profiles, dropped);
  }

  /** Keeps the damaged file under a new name, then carries the valid profiles over into a fresh file. */
  async function moveAside(reason: DamageReason, recovered: readonly Profile[], dropped = 0): Promise<ProfileFileContents> {
    const stamp = now().toISOString().replace(/:/g, '-');
    let movedTo = `${path}.damaged-${stamp}`;
    for (let attempt = 2; await exists(movedTo); attempt += 1) movedTo = `${path}.damaged-${stamp}-${String(attempt)}`;
    try {
      await renameWithRetry(path, movedTo);
    } catch (error) {
      throw new ProfileError('file-unwritable', { path }, { cause: error });
    }
    if (recovered.length > 0) await write(recovered);
    return { profiles: recovered, damaged: { messageKey: 'profiles.errors.damagedFile', path, movedTo, reason, recovered: recovered.length, dropped } };
  }

  return { path, read, write };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** On Windows a rename can fail for a moment while a virus scanner or indexer holds the target open. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= 5 || !(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** Makes the rename itself durable. Directories cannot be opened for fsync on Windows; there it is skipped. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the data itself was synced before the rename.
  }
}

/** Removes temp files left behind by a crash mid-write; they are never read. */
async function removeStaleTempFiles(directory: string, now: Date): Promise<void> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return;
  }
  for (const name of names.filter((candidate) => TEMP_FILE.test(candidate))) {
    const temp = join(directory, name);
    try {
      if (now.getTime() - (await stat(temp)).mtimeMs > STALE_TEMP_MS) await rm(temp, { force: true });
    } catch {
      // Another process may have just renamed or removed it.
    }
  }
}
