import { randomUUID } from 'node:crypto';
import type { SecretVault } from './secret-vault';

/**
 * The OS keychain as a SecretVault, through keytar: Windows Credential Manager, the macOS Keychain, or the Secret
 * Service on Linux (gnome-keyring, KWallet) over D-Bus. Every item is stored under one service name (`SAM Desk`) and
 * an account from `secretAccounts`.
 *
 * keytar is a native module, loaded on first use: code paths that never touch the keychain (the token inspector
 * CLI) run without it. Anything keytar throws becomes a KeychainUnavailableError, whose message says what to do and
 * never carries the secret.
 *
 * Windows Credential Manager holds at most 2,560 bytes per item, less than a long refresh token; there a longer value
 * is stored in parts (see `maxItemBytes`). The macOS Keychain and the Secret Service keep any value in one item.
 */
export function createKeychain(service = 'SAM Desk', options: KeychainOptions = {}): SecretVault {
  requireName(service, 'service');
  const maxItemBytes = options.maxItemBytes ?? (process.platform === 'win32' ? windowsMaxItemBytes : Number.POSITIVE_INFINITY);
  if (!(maxItemBytes >= minItemBytes)) throw new RangeError(`maxItemBytes must be at least ${minItemBytes}.`);

  // Each step reports the operation the caller asked for (a set reads the item it replaces first).
  const read = async (keytar: Keytar, account: string, operation: Operation = 'get'): Promise<string | null> =>
    call(operation, () => keytar.getPassword(service, account));
  const write = async (keytar: Keytar, account: string, value: string): Promise<void> =>
    call('set', () => keytar.setPassword(service, account, value), value);
  const remove = async (keytar: Keytar, account: string, operation: Operation = 'delete'): Promise<boolean> =>
    call(operation, () => keytar.deletePassword(service, account));
  const removeParts = async (keytar: Keytar, account: string, stored: string | null, operation: Operation): Promise<void> => {
    const index = stored === null ? null : parsePartsIndex(stored);
    if (index) for (let part = 1; part <= index.count; part += 1) await remove(keytar, partAccount(account, index.generation, part), operation);
  };

  /** The value an item stands for: itself, or its parts joined; null when a part is gone (a writer replaced them). */
  const resolve = async (keytar: Keytar, account: string, stored: string): Promise<string | null> => {
    const index = parsePartsIndex(stored);
    if (!index) return stored;
    const parts: string[] = [];
    for (let part = 1; part <= index.count; part += 1) {
      const value = await read(keytar, partAccount(account, index.generation, part));
      if (value === null) return null;
      parts.push(value);
    }
    return parts.join('');
  };

  return {
    async get(account) {
      requireName(account, 'account');
      const keytar = await loadKeytar();
      // A concurrent set may replace the parts between reading the index and the parts: read the new index once more.
      // Parts still missing then (removed by hand) leave nothing usable: that reads as no secret, to be saved again.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const stored = await read(keytar, account);
        if (stored === null) return null;
        const value = await resolve(keytar, account, stored);
        if (value !== null) return value;
      }
      return null;
    },
    async set(account, value) {
      requireName(account, 'account');
      // keytar cannot store an empty string (and reading it back would be ambiguous with "missing"): delete instead.
      if (value.length === 0) throw new TypeError('An empty secret cannot be stored in the keychain: delete the item instead.');
      const keytar = await loadKeytar();
      const previous = await read(keytar, account, 'set');
      // A value that looks like an index is stored in parts too, so that what is read back is never ambiguous.
      if (Buffer.byteLength(value, 'utf8') <= maxItemBytes && !value.startsWith(partsPrefix)) {
        await write(keytar, account, value);
      } else {
        // New parts first, under a new generation, then the index that points at them: readers never see a mix.
        const previousGeneration = previous === null ? undefined : parsePartsIndex(previous)?.generation;
        let generation = randomUUID().slice(0, 8);
        while (generation === previousGeneration) generation = randomUUID().slice(0, 8);
        const parts = splitUtf8(value, maxItemBytes);
        for (const [offset, part] of parts.entries()) await write(keytar, partAccount(account, generation, offset + 1), part);
        await write(keytar, account, `${partsPrefix}${generation}:${parts.length}`);
      }
      await removeParts(keytar, account, previous, 'set');
    },
    async delete(account) {
      requireName(account, 'account');
      const keytar = await loadKeytar();
      const stored = await read(keytar, account, 'delete');
      const deleted = await remove(keytar, account);
      await removeParts(keytar, account, stored, 'delete');
      return deleted;
    },
  };
}

export interface KeychainOptions {
  /**
   * The largest value kept in one keychain item, in UTF-8 bytes; longer values are split into parts stored under
   * `<account>#<generation>:<n>`, and the item itself holds their index. Default: 2,048 on Windows (whose limit is
   * 2,560), no limit elsewhere.
   */
  readonly maxItemBytes?: number;
}

const windowsMaxItemBytes = 2048;
/** Room for the longest UTF-8 character, so that every part holds at least one. */
const minItemBytes = 16;
const partsPrefix = 'sam-desk:parts:v1:';

function partAccount(account: string, generation: string, part: number): string {
  return `${account}#${generation}:${part}`;
}

function parsePartsIndex(stored: string): { generation: string; count: number } | null {
  const match = /^sam-desk:parts:v1:([0-9a-f]{8}):([1-9]\d{0,5})$/.exec(stored);
  return match?.[1] && match[2] ? { generation: match[1], count: Number(match[2]) } : null;
}

/** Splits text into pieces of at most maxBytes UTF-8 bytes, never inside a character. */
function splitUtf8(text: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (bytes + size > maxBytes) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += character;
    bytes += size;
  }
  parts.push(current);
  return parts;
}

export type KeychainOperation = 'load' | 'get' | 'set' | 'delete';

/**
 * Why the keychain could not be used, as far as the platform's message tells:
 * - `module-missing`: keytar's native module (or libsecret on Linux) could not be loaded;
 * - `no-secret-service`: Linux has no D-Bus session or nothing on it provides the Secret Service;
 * - `locked`: the keychain or keyring is locked and could not be unlocked (no prompt possible, or refused);
 * - `failed`: anything else the keychain refused.
 */
export type KeychainFailureReason = 'module-missing' | 'no-secret-service' | 'locked' | 'failed';

/** The keychain could not be used. `code` is stable (it is SamErrorCode `keychain-unavailable` too). */
export class KeychainUnavailableError extends Error {
  readonly code = 'keychain-unavailable' as const;
  readonly reason: KeychainFailureReason;
  readonly operation: KeychainOperation;
  /** What a person can do about it, in one sentence (also at the end of the message). */
  readonly remedy: string;
  /** The platform's own words (first line, shortened), for support; withheld when it could contain the secret. */
  readonly detail: string;

  constructor(operation: KeychainOperation, reason: KeychainFailureReason, remedy: string, detail: string) {
    super(`The OS keychain is unavailable (${actions[operation]}${detail ? `: ${detail}` : ''}). ${remedy}`);
    this.name = 'KeychainUnavailableError';
    this.operation = operation;
    this.reason = reason;
    this.remedy = remedy;
    this.detail = detail;
  }
}

export function isKeychainUnavailableError(error: unknown): error is KeychainUnavailableError {
  return error instanceof KeychainUnavailableError;
}

const actions: Record<KeychainOperation, string> = {
  load: 'its module could not be loaded',
  get: 'reading a secret failed',
  set: 'saving a secret failed',
  delete: 'deleting a secret failed',
};

/** Sorts a keytar failure by its message and says what to do on this platform. Pure, so every branch is testable. */
export function describeKeychainFailure(
  operation: KeychainOperation,
  message: string,
  platform: NodeJS.Platform = process.platform,
): { reason: KeychainFailureReason; remedy: string } {
  if (operation === 'load') {
    return {
      reason: 'module-missing',
      remedy:
        platform === 'linux'
          ? 'Install libsecret (Debian and Ubuntu: libsecret-1-0) and reinstall SAM Desk; from source, install libsecret-1-dev and run npm ci.'
          : 'Reinstall SAM Desk: its keychain module (keytar) is missing or was built for another system.',
    };
  }
  if (/\block(ed)?\b|unlock/i.test(message)) {
    return {
      reason: 'locked',
      remedy:
        platform === 'darwin'
          ? 'Unlock your login keychain (Keychain Access) and try again.'
          : 'Unlock your login keyring (Passwords and Keys, or sign out and in again) and try again.',
    };
  }
  if (platform === 'linux' && /d-?bus|connect|autolaunch|secrets?\b.*(service|provided)|ServiceUnknown|NameHasNoOwner|no such (file|interface)/i.test(message)) {
    return {
      reason: 'no-secret-service',
      remedy: 'Install and start gnome-keyring (or KWallet) in your desktop session: SAM Desk keeps secrets in the Secret Service on the D-Bus session bus.',
    };
  }
  const remedies: Partial<Record<NodeJS.Platform, string>> = {
    darwin: 'Unlock your login keychain and allow SAM Desk to use it (Keychain Access), then try again.',
    win32: 'Check that Windows Credential Manager works for your account (Control Panel, Credential Manager), then try again.',
    linux: 'Check that gnome-keyring (or KWallet) is running and your login keyring is unlocked, then try again.',
  };
  return { reason: 'failed', remedy: remedies[platform] ?? 'Check that your system keychain is running and unlocked, then try again.' };
}

/** The first line of a failure's message, shortened; empty when it might contain the secret. */
function safeDetail(error: unknown, secret: string | undefined): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (secret !== undefined && raw.includes(secret)) return '';
  const firstLine = (raw.split('\n')[0] ?? '').trim();
  return firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine;
}

function unavailable(operation: KeychainOperation, error: unknown, secret?: string): KeychainUnavailableError {
  const detail = safeDetail(error, secret);
  const { reason, remedy } = describeKeychainFailure(operation, detail);
  return new KeychainUnavailableError(operation, reason, remedy, detail);
}

type Operation = Exclude<KeychainOperation, 'load'>;

async function call<T>(operation: Operation, run: () => Promise<T>, secret?: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw unavailable(operation, error, secret);
  }
}

function requireName(name: string, what: 'service' | 'account'): void {
  if (name.length === 0) throw new TypeError(`The keychain ${what} name must not be empty.`);
}

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

let keytarModule: Promise<Keytar> | undefined;

/** keytar, imported once on first use. A failed load is not remembered, so a later call tries again. */
async function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((loaded: unknown) => {
    // keytar is CommonJS: its exports arrive as `default` (Node, bundlers) or, with some loaders, as the namespace.
    const candidate = (loaded as { default?: unknown }).default ?? loaded;
    if (typeof (candidate as Partial<Keytar>).getPassword !== 'function') throw new Error('keytar did not load: getPassword is missing');
    return candidate as Keytar;
  });
  try {
    return await keytarModule;
  } catch (error) {
    keytarModule = undefined;
    throw unavailable('load', error);
  }
}
