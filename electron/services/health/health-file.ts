import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A small JSON file SAM Desk owns (health facts, health settings): read leniently (a missing or damaged file is the
 * default), written atomically (temporary file, fsync, rename) one write at a time. It holds no secret.
 */
export function createJsonFile<T>(options: { readonly directory: string; readonly name: string; readonly parse: (raw: unknown) => T | null; readonly empty: () => T }) {
  const path = join(options.directory, options.name);
  let writes: Promise<void> = Promise.resolve();
  return {
    path,
    async read(): Promise<T> {
      await writes.catch(() => undefined);
      try {
        return options.parse(JSON.parse(await readFile(path, 'utf8'))) ?? options.empty();
      } catch {
        return options.empty();
      }
    },
    write(value: T): Promise<void> {
      const next = writes.catch(() => undefined).then(async () => {
        await mkdir(options.directory, { recursive: true, mode: 0o700 });
        const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
        const handle = await open(temporary, 'w', 0o600);
        try {
          await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, path).catch(async (error: unknown) => {
          await unlink(temporary).catch(() => undefined);
          throw error;
        });
      });
      writes = next;
      return next;
    },
  };
}
