import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeychain, describeKeychainFailure } from './keychain';
import { secretAccounts } from './secret-vault';

/**
 * These run against the real OS keychain: gnome-keyring in a D-Bus session on Linux CI (npm run test:unit starts it
 * through scripts/with-keyring.mjs), the user's keychain on a desktop. Each run uses its own service name and
 * deletes what it wrote.
 */
const service = `SAM Desk test ${randomUUID()}`;
const keychain = createKeychain(service);
const written = new Set<string>();
const account = (name: string): string => {
  written.add(name);
  return name;
};

afterAll(async () => {
  for (const name of written) await keychain.delete(name);
});

/** A refresh-token-like value: Entra's are opaque, about 1–4 KB of base64url after "0.A". */
const longToken = (length: number): string => `0.A${randomBytes(length).toString('base64url')}`.slice(0, length);

describe('the OS keychain (real)', () => {
  it('stores, reads, overwrites and deletes a secret', async () => {
    const name = account(secretAccounts.clientSecret(randomUUID()));
    await keychain.set(name, 'first secret');
    expect(await keychain.get(name)).toBe('first secret');
    await keychain.set(name, 'second secret');
    expect(await keychain.get(name)).toBe('second secret');
    expect(await keychain.delete(name)).toBe(true);
    expect(await keychain.get(name)).toBeNull();
  });

  it('keeps non-ASCII text exactly, in the value and the account name', async () => {
    const name = account(`profile:Åsa Öberg 東京:client-secret`);
    const value = 'Grüße, señor — 東京 🔐 \u00e9 vs e\u0301, tab\tand "quotes"';
    await keychain.set(name, value);
    expect(await keychain.get(name)).toBe(value);
  });

  it('keeps a 4,000-character refresh token whole', async () => {
    const name = account(secretAccounts.refreshToken(randomUUID()));
    const value = longToken(4000);
    expect(value).toHaveLength(4000);
    await keychain.set(name, value);
    expect(await keychain.get(name)).toBe(value);
  });

  it('answers null for a missing account and false when deleting one', async () => {
    const name = `profile:${randomUUID()}:refresh-token`;
    expect(await keychain.get(name)).toBeNull();
    expect(await keychain.delete(name)).toBe(false);
  });

  it('keeps services apart: the same account under another service is another item', async () => {
    const other = createKeychain(`${service} (other)`);
    const name = account(secretAccounts.certificatePassword(randomUUID()));
    await keychain.set(name, 'mine');
    expect(await other.get(name)).toBeNull();
    expect(await other.delete(name)).toBe(false);
    expect(await keychain.get(name)).toBe('mine');
  });

  it('refuses empty names and an empty secret before reaching the keychain', async () => {
    await expect(keychain.get('')).rejects.toThrow(TypeError);
    await expect(keychain.set(account('profile:x:client-secret'), '')).rejects.toThrow(/delete the item instead/);
    expect(() => createKeychain('')).toThrow(TypeError);
  });
});

describe('values longer than one keychain item holds (as on Windows, whose limit is 2,560 bytes)', () => {
  const partsService = `${service} (parts)`;
  const small = createKeychain(partsService, { maxItemBytes: 1000 });
  /** What is really in the keychain for this service, straight from keytar. */
  const stored = async (): Promise<Map<string, string>> =>
    new Map((await keytar.findCredentials(partsService)).map((credential) => [credential.account, credential.password]));

  afterAll(async () => {
    for (const credential of await keytar.findCredentials(partsService)) await keytar.deletePassword(partsService, credential.account);
  });

  it('stores a 4,000-character token in parts of at most maxItemBytes and reads it back whole', async () => {
    const name = secretAccounts.refreshToken(randomUUID());
    const value = longToken(4000);
    await small.set(name, value);
    expect(await small.get(name)).toBe(value);
    const items = await stored();
    expect(items.get(name)).toMatch(/^sam-desk:parts:v1:[0-9a-f]{8}:4$/);
    const parts = [...items].filter(([itemAccount]) => itemAccount.startsWith(`${name}#`));
    expect(parts).toHaveLength(4);
    for (const [, part] of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(1000);
    // Any keychain over the same service reads it, whatever its own limit.
    expect(await createKeychain(partsService).get(name)).toBe(value);
  });

  it('never splits a character, and leaves no parts behind on overwrite and delete', async () => {
    const name = secretAccounts.refreshToken(randomUUID());
    const multibyte = 'ü東🔐a'.repeat(40);
    const tiny = createKeychain(partsService, { maxItemBytes: 16 });
    await tiny.set(name, multibyte);
    expect(await tiny.get(name)).toBe(multibyte);
    const partsOf = async (): Promise<string[]> => [...(await stored()).keys()].filter((itemAccount) => itemAccount.startsWith(`${name}#`));
    const first = await partsOf();
    expect(first.length).toBeGreaterThan(20);

    const replacement = longToken(2500);
    await small.set(name, replacement);
    expect(await small.get(name)).toBe(replacement);
    const second = await partsOf();
    expect(second).toHaveLength(3);
    expect(second.some((itemAccount) => first.includes(itemAccount))).toBe(false);

    await small.set(name, 'short now');
    expect(await small.get(name)).toBe('short now');
    expect(await partsOf()).toEqual([]);

    await small.set(name, longToken(3000));
    expect(await small.delete(name)).toBe(true);
    expect(await partsOf()).toEqual([]);
    expect(await small.get(name)).toBeNull();
  });

  it('keeps a value that looks like a parts index verbatim, and stores values in one item where there is no limit', async () => {
    const unlimited = createKeychain(partsService);
    const lookalike = secretAccounts.clientSecret(randomUUID());
    await unlimited.set(lookalike, 'sam-desk:parts:v1:0123abcd:2');
    expect(await unlimited.get(lookalike)).toBe('sam-desk:parts:v1:0123abcd:2');

    if (process.platform !== 'win32') {
      const whole = secretAccounts.refreshToken(randomUUID());
      const value = longToken(4000);
      await unlimited.set(whole, value);
      expect((await stored()).get(whole)).toBe(value);
    }
  });

  it('refuses a limit too small for one character', () => {
    expect(() => createKeychain(partsService, { maxItemBytes: 3 })).toThrow(RangeError);
  });
});

describe('describeKeychainFailure', () => {
  // The messages are what keytar (libsecret) reports on Debian in each situation.
  it.each([
    ['Could not connect: No such file or directory', 'no-secret-service', /Install and start gnome-keyring \(or KWallet\)/],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-secret-service', /Install and start gnome-keyring/],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-secret-service', /Install and start gnome-keyring/],
    ['Cannot create an item in a locked collection', 'locked', /Unlock your login keyring/],
    ['Something else entirely', 'failed', /gnome-keyring \(or KWallet\) is running/],
  ] as const)('on Linux, %j is %s', (message, reason, remedy) => {
    const described = describeKeychainFailure('set', message, 'linux');
    expect(described.reason).toBe(reason);
    expect(described.remedy).toMatch(remedy);
  });

  it('names the keychain of each platform', () => {
    expect(describeKeychainFailure('get', 'User interaction is not allowed.', 'darwin').remedy).toMatch(/login keychain/);
    expect(describeKeychainFailure('get', 'The keychain is locked.', 'darwin')).toMatchObject({ reason: 'locked', remedy: expect.stringMatching(/^Unlock your login keychain/) as unknown });
    expect(describeKeychainFailure('set', 'The stub received bad data.', 'win32').remedy).toMatch(/Windows Credential Manager/);
    expect(describeKeychainFailure('load', 'libsecret-1.so.0: cannot open shared object file', 'linux')).toMatchObject({ reason: 'module-missing', remedy: expect.stringMatching(/libsecret/) as unknown });
  });
});

/** Runs a few lines against keychain.ts in a child Node (through tsx) and returns what the script printed as JSON. */
function probe(script: string, env: NodeJS.ProcessEnv, wrap: readonly string[] = []): Record<string, unknown> {
  const keychainUrl = new URL('./keychain.ts', import.meta.url).href;
  const source = `
    const { createKeychain, KeychainUnavailableError } = await import(${JSON.stringify(keychainUrl)});
    const describe = (error) => ({ isTyped: error instanceof KeychainUnavailableError, name: error.name, code: error.code, reason: error.reason, operation: error.operation, remedy: error.remedy, message: error.message });
    try { ${script} } catch (error) { console.log(JSON.stringify(describe(error))); }
  `;
  const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', source];
  const [file, ...args] = [...wrap, ...node] as [string, ...string[]];
  const result = spawnSync(file, args, { encoding: 'utf8', env, timeout: 30_000 });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  if (!line.startsWith('{')) throw new Error(`probe printed no result (status ${String(result.status)}): ${result.stderr}`);
  return JSON.parse(line) as Record<string, unknown>;
}

/** The environment without any keychain session of the caller's (nor a display a prompt could open on). */
function isolatedEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR', 'GNOME_KEYRING_CONTROL', 'DBUS_SESSION_BUS_ADDRESS']) {
    if (!(name in extra)) Reflect.deleteProperty(env, name);
  }
  return env;
}

const onPath = (program: string): boolean => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const linux = process.platform === 'linux';

describe.runIf(linux)('an unusable keychain (Linux, real failures)', () => {
  it('without a reachable Secret Service, fails with KeychainUnavailableError and a remedy, not a stack trace or the secret', () => {
    const secret = `secret-${randomUUID()}`;
    const env = isolatedEnv({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
    const read = probe(`await createKeychain().get('profile:p1:refresh-token'); console.log('{"unexpected":"success"}');`, env);
    expect(read).toMatchObject({ isTyped: true, name: 'KeychainUnavailableError', code: 'keychain-unavailable', reason: 'no-secret-service', operation: 'get' });
    expect(read.message).toMatch(/^The OS keychain is unavailable \(reading a secret failed: .+\)\. Install and start gnome-keyring \(or KWallet\)/);
    expect(read.message).not.toMatch(/\n|\bat .+:\d+:\d+/);

    const write = probe(`await createKeychain().set('profile:p1:refresh-token', ${JSON.stringify(secret)}); console.log('{"unexpected":"success"}');`, env);
    expect(write).toMatchObject({ isTyped: true, code: 'keychain-unavailable', operation: 'set' });
    expect(JSON.stringify(write)).not.toContain(secret);
  });

  it('loads the native module only on first use, so code that never touches the keychain runs without it', () => {
    const env = isolatedEnv({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
    const loaded = "(await import('node:fs')).readFileSync('/proc/self/maps', 'utf8').includes('keytar.node')";
    const result = probe(`const vault = createKeychain(); const before = ${loaded}; await vault.get('x').catch(() => undefined); console.log(JSON.stringify({ before, after: ${loaded} }));`, env);
    expect(result).toEqual({ before: false, after: true });
  });

  const canRunKeyring = linux && onPath('dbus-run-session') && onPath('gnome-keyring-daemon');
  it.runIf(canRunKeyring)('with the login keyring locked, says to unlock it', () => {
    const home = mkdtempSync(join(tmpdir(), 'sam-desk-keyring-'));
    try {
      const env = isolatedEnv({ HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config') });
      // First session creates the login keyring with one password; the second unlocks with another, so it stays locked.
      const session = (password: string): string[] => ['dbus-run-session', '--', 'sh', '-c', 'printf %s "$0" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"', password];
      expect(probe(`await createKeychain().set('probe', 'x'); console.log('{"stored":true}');`, env, session('right'))).toEqual({ stored: true });
      const locked = probe(`await createKeychain().set('profile:p1:client-secret', 'not-in-the-message'); console.log('{"unexpected":"success"}');`, env, session('wrong'));
      expect(locked).toMatchObject({ isTyped: true, code: 'keychain-unavailable', reason: 'locked', operation: 'set', remedy: expect.stringMatching(/^Unlock your login keyring/) as unknown });
      expect(JSON.stringify(locked)).not.toContain('not-in-the-message');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
