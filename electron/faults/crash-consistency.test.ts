import { spawn } from 'node:child_process';
import { randomUUID, createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../emulators/testing/global-setup';
import { localCloudProfile } from '../../emulators/testing/profile-input';
import { followSignIn } from '../../emulators/testing/sign-in-driver';
import type { Envelope } from '../../shared/ipc/errors';
import { compose, type Composition } from '../compose';
import { silentLogger } from '../services/logger';
import { createEncryptedCache } from '../services/partner-center/encrypted-cache';
import { createSamDeskServices, type SamDeskServices } from '../services/sam-desk-services';
import { createKeychain } from '../services/secrets/keychain';
import { secretAccounts } from '../services/secrets/secret-vault';
import type { CrashChildJob } from './crash-child';

/**
 * Crash consistency with real processes: a SAM Desk process (crash-child.ts) is SIGKILLed in the middle of a Key Vault
 * write and in the middle of an offline-cache write, and the app started afresh on the same settings folder and
 * keychain must find a consistent state: a refresh token that redeems (the keychain's copy to retry Key Vault with
 * when the vault missed it), and the previous complete cache or none — never a partial one — with the temporary
 * files ignored and then deleted.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = join(ROOT, 'electron/faults/crash-child.ts');
const keychainService = `SAM Desk crash test ${randomUUID()}`;
const keychain = createKeychain(keychainService);
const userDataDirectory = mkdtempSync(join(tmpdir(), 'sam-desk-crash-'));
const cacheDirectory = join(userDataDirectory, 'cache');
let cloud: LocalCloud;
const profiles: Record<'both' | 'vault-only', { id: string; secretName: string }> = { both: { id: '', secretName: 'CrashBoth' }, 'vault-only': { id: '', secretName: 'CrashVaultOnly' } };
const findings: string[] = [];
const scratchDirectories: string[] = [];

/** The app as it starts next: new services over the same settings folder and keychain, composed for the window. */
function nextStart(): { composition: Composition; services: SamDeskServices; dispatch: (method: string, request: unknown) => Promise<unknown> } {
  const admin = cloud.state.world.admins[0] ?? expect.fail('no admin');
  const services = createSamDeskServices({
    userDataDirectory,
    vault: createKeychain(keychainService),
    openBrowser: (url) => followSignIn(url, admin),
    now: () => new Date(),
    loopbackPages: { success: 'ok', failure: 'no' },
  });
  const composition = compose({ mode: 'browser', version: '0', platform: process.platform, cloud: 'local', isOnline: () => true, logger: silentLogger, services, healthSchedule: false });
  return {
    composition,
    services,
    dispatch: async (method, request) => {
      const envelope: Envelope = await composition.dispatch(method, request);
      expect(envelope, `${method} answered ${JSON.stringify(envelope)}`).toMatchObject({ ok: true });
      return (envelope as { ok: true; value: unknown }).value;
    },
  };
}

interface Child {
  /** Resolves when the child printed this line. */
  readonly line: (text: string) => Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  kill(): void;
}

function startChild(job: CrashChildJob): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(job)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiting: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  const take = (chunk: string): void => {
    output += chunk;
    for (const wait of [...waiting]) if (output.split('\n').includes(wait.text)) wait.resolve();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
  return {
    line: (text) =>
      new Promise((resolve, reject) => {
        if (output.split('\n').includes(text)) resolve();
        else waiting.push({ text, resolve });
        void exited.then(({ output: all }) => reject(new Error(`the child ended before "${text}": ${all}`)));
      }),
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const redeemable = (token: string | null): boolean => token !== null && cloud.entra.refreshTokens.get(token)?.expired === false;
const keychainToken = (profileId: string) => keychain.get(secretAccounts.refreshToken(profileId));
const vaultToken = (kind: 'both' | 'vault-only') => cloud.keyVault.latest(profiles[kind].secretName) ?? null;

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 83, customers: 10, maxUsersPerCustomer: 2 } });
  const { composition, dispatch } = nextStart();
  try {
    for (const kind of ['both', 'vault-only'] as const) {
      const { input, secrets } = localCloudProfile(cloud, { displayName: `Crash test (${kind})`, keyVaultSecret: profiles[kind].secretName });
      const created = (await dispatch('profiles.create', { input: { ...input, keychain: kind === 'both' }, secrets })) as { ok: true; profile: { id: string } };
      profiles[kind].id = created.profile.id;
      const ended = new Promise<{ state: string }>((resolve) =>
        composition.bus.listen((event, payload) => {
          const progress = payload as { profileId?: string; state?: string };
          if (event === 'consent.progress' && progress.profileId === created.profile.id && progress.state !== 'step') resolve(progress as { state: string });
        }),
      );
      await dispatch('consent.start', { profileId: created.profile.id, openBrowser: true });
      expect(await ended).toMatchObject({ state: 'succeeded' });
    }
  } finally {
    composition.dispose();
  }
}, 30_000);

afterAll(async () => {
  for (const { id } of Object.values(profiles)) for (const account of Object.values(secretAccounts)) await keychain.delete(account(id));
  await cloud.close();
  // The large cache files the children wrote.
  for (const directory of [userDataDirectory, ...scratchDirectories]) rmSync(directory, { recursive: true, force: true });
  console.log(['crash consistency:', ...findings.map((finding) => `  ${finding}`)].join('\n'));
});

describe('a process killed during a Key Vault write', () => {
  it.each([
    ['both', 'before Key Vault stored the new version', 'delay'],
    ['both', 'after Key Vault stored it, before the answer arrived', 'slow-answer'],
    ['vault-only', 'before Key Vault stored the new version (Key Vault-only profile)', 'delay'],
  ] as const)('%s: killed %s', async (kind, moment, fault) => {
    const { id, secretName } = profiles[kind];
    const before = { keychain: await keychainToken(id), keyVault: vaultToken(kind), versions: cloud.keyVault.versionCount(secretName) };
    // SecretClient's first PUT is the challenge (no token, no write); the second carries the secret.
    cloud.state.faults.add({ service: 'keyvault', method: 'PUT', path: '/secrets/', ...(fault === 'slow-answer' ? { skip: 1 } : {}), fault: { type: fault, ms: 4_000 }, remaining: 1 });
    const child = startChild({ job: 'rotate', userDataDirectory, keychainService, profileId: id });
    await child.line('writing');
    await until(() => cloud.state.faults.pending.length === 0, 'the Key Vault write to arrive');
    if (fault === 'slow-answer') await until(() => cloud.keyVault.versionCount(secretName) === before.versions + 1, 'Key Vault to store the new version');
    child.kill();
    expect(await child.exited).toMatchObject({ signal: 'SIGKILL' });

    // The next start.
    const stored = { keychain: await keychainToken(id), keyVault: vaultToken(kind), versions: cloud.keyVault.versionCount(secretName) };
    expect(stored.keyVault).not.toBeNull();
    expect(redeemable(stored.keyVault)).toBe(true);
    // The rotated successor was saved to the keychain before Key Vault was written (a safety copy for a vault-only profile).
    expect(stored.keychain).not.toBeNull();
    expect(stored.keychain).not.toBe(before.keychain ?? before.keyVault);
    expect(redeemable(stored.keychain)).toBe(true);
    const { composition, services, dispatch } = nextStart();
    try {
      // An earlier start's access token, shared through the keychain, would answer: the point is that the refresh
      // token the killed process left behind redeems.
      await services.tokens.forget(id);
      if (fault === 'delay') {
        expect(stored.versions).toBe(before.versions);
        expect(stored.keyVault).toBe(before.keyVault);
        if (kind === 'both') {
          // The window says so: the keychain and Key Vault differ, Refresh now (or the retry) fixes it.
          const checked = (await dispatch('health.check', { profileId: id })) as { ok: true; entries: Array<{ assessment: { keyVaultInSync: boolean | null; state: string } }> };
          expect(checked.entries[0]?.assessment).toMatchObject({ keyVaultInSync: false, state: 'action-needed' });
        }
        expect(await dispatch('keyVault.retry', { profileId: id })).toMatchObject({ ok: true });
        expect(vaultToken(kind)).toBe(stored.keychain);
      } else {
        expect(stored.versions).toBe(before.versions + 1);
        expect(stored.keyVault).toBe(stored.keychain);
      }
      expect(await dispatch('tokens.acquire', { profileId: id })).toMatchObject({ ok: true, refreshedFrom: 'key-vault', saved: { keyVault: { status: 'saved' } } });
      expect(await keychainToken(id)).toBe(kind === 'both' ? vaultToken(kind) : null);
      findings.push(`Key Vault write killed ${moment} (${kind}): Key Vault ${fault === 'delay' ? 'kept the old version, the keychain the new token; the retry wrote it' : 'and the keychain both held the new token'}; tokens lost: 0`);
    } finally {
      composition.dispose();
    }
  }, 30_000);
});

describe('a process killed during an offline-cache write', () => {
  const ROWS = 60_000;
  const cachePath = () => createEncryptedCache({ directory: userDataDirectory, vault: keychain, profileId: profiles.both.id, name: 'customers' }).path;
  const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
  const temporaries = (): string[] => (existsSync(cacheDirectory) ? readdirSync(cacheDirectory).filter((name) => name.endsWith('.tmp')) : []);
  const previous = [{ id: 'c-1', companyName: 'Café Lumière AB', domain: 'cafelumiere.onmicrosoft.com', tenantId: 'c-1', relationship: 'reseller' }];
  const previousAsOf = new Date('2026-11-30T08:00:00Z');
  const newAsOf = '2026-12-01T09:00:00.000Z';

  /**
   * Kills the child once its temporary file has some bytes but not all (inotify events on the cache folder), or
   * `afterMs` after it said it is writing (never, with `afterMs` null). Returns how long the write had run.
   */
  async function killDuringWrite(killAt: { readonly partialTemporaryFile: true } | { readonly afterMs: number | null }): Promise<{ killed: boolean; ms: number }> {
    mkdirSync(cacheDirectory, { recursive: true });
    const child = startChild({ job: 'write-cache', userDataDirectory, keychainService, profileId: profiles.both.id, rows: ROWS, asOf: newAsOf });
    const watcher =
      'partialTemporaryFile' in killAt
        ? watch(cacheDirectory, (_event, name) => {
            if (!name?.endsWith('.tmp')) return;
            try {
              if (statSync(join(cacheDirectory, name)).size > 0) child.kill();
            } catch {
              // Renamed or deleted meanwhile.
            }
          })
        : null;
    try {
      await child.line('writing');
      const started = performance.now();
      if ('afterMs' in killAt && killAt.afterMs !== null) {
        await new Promise((resolve) => setTimeout(resolve, killAt.afterMs ?? 0));
        child.kill();
      }
      const exit = await child.exited;
      const ms = Math.round(performance.now() - started);
      if ('partialTemporaryFile' in killAt) expect(exit.signal, exit.output).toBe('SIGKILL');
      if ('afterMs' in killAt && killAt.afterMs === null) expect(exit, exit.output).toMatchObject({ code: 0 });
      return { killed: exit.signal === 'SIGKILL', ms };
    } finally {
      watcher?.close();
    }
  }

  const cached = async (dispatch: (method: string, request: unknown) => Promise<unknown>) => (await dispatch('customers.cached', { profileId: profiles.both.id })) as { status: string; asOf?: string; rows?: unknown[] };

  it('keeps the previous complete copy when killed while the temporary file is written, and deletes the leftover', async () => {
    await createEncryptedCache({ directory: userDataDirectory, vault: keychain, profileId: profiles.both.id, name: 'customers' }).write(previous, previousAsOf);
    const before = digest(cachePath());
    await killDuringWrite({ partialTemporaryFile: true });

    const [leftover, ...more] = temporaries();
    expect(leftover, 'the kill should leave the temporary file behind').toBeDefined();
    expect(more).toEqual([]);
    const leftoverPath = join(cacheDirectory, leftover ?? '');
    const leftoverBytes = statSync(leftoverPath).size;
    // The cache file itself was never touched: the rename is the only way a write reaches it.
    expect(digest(cachePath())).toBe(before);
    // Even were a partial file put in the cache's place, AES-GCM would refuse it: it is set aside, never shown.
    const scratch = mkdtempSync(join(tmpdir(), 'sam-desk-crash-scratch-'));
    scratchDirectories.push(scratch);
    const scratchCache = createEncryptedCache({ directory: scratch, vault: keychain, profileId: profiles.both.id, name: 'customers' });
    mkdirSync(join(scratch, 'cache'));
    copyFileSync(leftoverPath, scratchCache.path);
    const asIfRenamed = await scratchCache.read();
    expect(asIfRenamed.status).toBe('damaged');

    const { composition, dispatch } = nextStart();
    try {
      expect(await cached(dispatch)).toEqual({ status: 'ok', asOf: previousAsOf.toISOString(), rows: previous });
      expect(temporaries()).toEqual([]);
      expect(await dispatch('customers.sync', { profileId: profiles.both.id })).toMatchObject({ ok: true });
      await until(() => existsSync(cachePath()) && digest(cachePath()) !== before, 'the next sync to replace the cache');
    } finally {
      composition.dispose();
    }
    // And a torn file that is still well-formed JSON, its ciphertext cut short: the GCM tag refuses it.
    const envelope = JSON.parse(readFileSync(cachePath(), 'utf8')) as { data: string };
    writeFileSync(scratchCache.path, JSON.stringify({ ...envelope, data: envelope.data.slice(0, Math.floor(envelope.data.length / 8) * 4) }));
    expect((await scratchCache.read()).status).toBe('damaged');
    findings.push(`cache write killed with a ${String(leftoverBytes)}-byte temporary file (partial): the previous copy read intact, byte for byte; the leftover in the cache's place would read "damaged", as does a well-formed envelope with its ciphertext cut short; the leftover was deleted on the next read`);
  }, 30_000);

  it('leaves no cache at all when the first write is killed', async () => {
    const { composition, dispatch } = nextStart();
    try {
      // A profile without an offline copy yet: its first write is killed.
      await dispatch('profiles.remove', { id: profiles.both.id }).catch(() => undefined);
    } finally {
      composition.dispose();
    }
    const { input, secrets } = localCloudProfile(cloud, { displayName: 'Crash test (first write)', keyVaultSecret: profiles.both.secretName });
    const again = nextStart();
    try {
      const created = (await again.dispatch('profiles.create', { input, secrets })) as { ok: true; profile: { id: string } };
      profiles.both.id = created.profile.id;
      await killDuringWrite({ partialTemporaryFile: true });
      expect(temporaries().length).toBe(1);
      expect(await cached(again.dispatch)).toEqual({ status: 'empty' });
      expect(temporaries()).toEqual([]);
    } finally {
      again.composition.dispose();
    }
    findings.push('first cache write killed: the next start reads "empty", the leftover deleted');
  }, 30_000);

  it('reads the previous or the new complete copy, never a partial one, wherever in the write the kill lands', async () => {
    // How long a whole write takes here, then kills spread over it and one after it.
    const whole = await killDuringWrite({ afterMs: null });
    const outcomes: string[] = [`an unkilled write took ${String(whole.ms)} ms`];
    for (const fraction of [0.1, 0.35, 0.6, 0.85, 1.5]) {
      await createEncryptedCache({ directory: userDataDirectory, vault: keychain, profileId: profiles.both.id, name: 'customers' }).write(previous, previousAsOf);
      const afterMs = Math.round(whole.ms * fraction);
      const { killed } = await killDuringWrite({ afterMs });
      const leftover = temporaries().length > 0;
      const { composition, dispatch } = nextStart();
      try {
        const read = await cached(dispatch);
        expect(read.status).toBe('ok');
        if (read.asOf === newAsOf) expect(read.rows).toHaveLength(ROWS);
        else expect(read).toEqual({ status: 'ok', asOf: previousAsOf.toISOString(), rows: previous });
        expect(temporaries()).toEqual([]);
        outcomes.push(`${killed ? `killed at ${String(afterMs)} ms` : 'finished before the kill'} → ${read.asOf === newAsOf ? 'new copy' : 'previous copy'}${leftover ? ', leftover deleted' : ''}`);
      } finally {
        composition.dispose();
      }
    }
    findings.push(`cache write killed at sampled moments: ${outcomes.join('; ')}`);
  }, 60_000);
});
