import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { removeStaleTemporaryFiles, temporaryCachePath } from './cache-files';

/**
 * A profile's offline copy of its Partner Center data, encrypted at rest: AES-256-GCM with a per-profile key kept in
 * the OS keychain, the profile id bound in as additional authenticated data (a file copied from another profile
 * cannot be decrypted under this one), written atomically, versioned. A file that cannot be read is set aside and
 * reported, never a crash and never silently replaced by nothing.
 *
 * Atomically: the envelope goes to a temporary file, is flushed to disk, and only then renamed over the cache, so a
 * process killed mid-write leaves the previous complete copy (or none) in place and a temporary file readers ignore;
 * the next read or write of the cache deletes it (crash-consistency.test.ts kills real processes to prove this).
 */
export const CACHE_FORMAT = 'sam-desk-cache';
export const CACHE_VERSION = 1;

export interface CachedData<T> {
  readonly asOf: string;
  readonly value: T;
}

export type CacheRead<T> = { readonly status: 'empty' } | { readonly status: 'ok'; readonly data: CachedData<T> } | { readonly status: 'damaged'; readonly movedTo: string };

interface Envelope {
  readonly format: typeof CACHE_FORMAT;
  readonly version: number;
  readonly profileId: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

/**
 * Key lookups for a write (creating the key when there is none), per keychain and account. A profile's customers
 * and users caches are first written at about the same time, and two fresh keys would leave one of the two files
 * encrypted under a key the keychain no longer holds: the first write creates the key, the others wait for it.
 */
const keyLookups = new WeakMap<SecretVault, Map<string, Promise<Buffer>>>();

/** The stored key, or a new one stored first. */
function storedOrNewKey(vault: SecretVault, account: string): Promise<Buffer> {
  const creating = keyLookups.get(vault) ?? new Map<string, Promise<Buffer>>();
  keyLookups.set(vault, creating);
  const running = creating.get(account);
  if (running) return running;
  const created = (async () => {
    const stored = await vault.get(account);
    if (stored) return Buffer.from(stored, 'base64');
    const fresh = randomBytes(32);
    await vault.set(account, fresh.toString('base64'));
    return fresh;
  })().finally(() => creating.delete(account));
  creating.set(account, created);
  return created;
}

export function createEncryptedCache(options: { readonly directory: string; readonly vault: SecretVault; readonly profileId: string; readonly name: string; readonly now?: () => Date }) {
  const directory = join(options.directory, 'cache');
  const path = join(directory, `${options.profileId}.${options.name}.cache`);
  const aad = Buffer.from(`${options.profileId}|${options.name}|v${String(CACHE_VERSION)}`, 'utf8');
  const account = secretAccounts.cacheKey(options.profileId);

  async function key(create: boolean): Promise<Buffer | null> {
    if (create) return storedOrNewKey(options.vault, account);
    const stored = await options.vault.get(account);
    return stored ? Buffer.from(stored, 'base64') : null;
  }

  async function setAside(): Promise<string> {
    const movedTo = `${path}.damaged-${(options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, movedTo);
    return movedTo;
  }

  return {
    path,
    async write(value: unknown, asOf: Date): Promise<void> {
      const secret = await key(true);
      if (!secret) throw new Error('no cache key');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      cipher.setAAD(aad);
      const plaintext = Buffer.from(JSON.stringify({ asOf: asOf.toISOString(), value } satisfies CachedData<unknown>), 'utf8');
      const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const envelope: Envelope = { format: CACHE_FORMAT, version: CACHE_VERSION, profileId: options.profileId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
      await mkdir(directory, { recursive: true, mode: 0o700 });
      await removeStaleTemporaryFiles(path);
      const temporary = temporaryCachePath(path, randomBytes(6).toString('hex'));
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify(envelope));
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temporary, path);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
    },
    async read<T>(): Promise<CacheRead<T>> {
      await removeStaleTemporaryFiles(path);
      let raw: string;
      try {
        raw = await readFile(path, 'utf8');
      } catch {
        return { status: 'empty' };
      }
      try {
        const envelope = JSON.parse(raw) as Partial<Envelope>;
        if (envelope.format !== CACHE_FORMAT || envelope.version !== CACHE_VERSION || envelope.profileId !== options.profileId) throw new Error('not ours');
        const secret = await key(false);
        if (!secret || typeof envelope.iv !== 'string' || typeof envelope.tag !== 'string' || typeof envelope.data !== 'string') throw new Error('unreadable');
        const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(envelope.iv, 'base64'));
        decipher.setAAD(aad);
        decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
        const plaintext = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
        return { status: 'ok', data: JSON.parse(plaintext.toString('utf8')) as CachedData<T> };
      } catch {
        return { status: 'damaged', movedTo: await setAside() };
      }
    },
  };
}

export type EncryptedCache = ReturnType<typeof createEncryptedCache>;
