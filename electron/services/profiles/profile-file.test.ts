import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/profiles/profile';
import { ProfileError } from './profile-errors';
import { createProfileFile, PROFILES_FILE_NAME, type ProfileFile } from './profile-file';

let directory: string;
let file: ProfileFile;
const NOW = new Date('2025-03-04T05:06:07.089Z');

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sam-desk-profile-file-'));
  file = createProfileFile({ directory, now: () => NOW });
});
afterEach(() => rm(directory, { recursive: true, force: true }));

function profile(displayName: string): Profile {
  return {
    id: randomUUID(),
    displayName,
    tenant: 'contoso.onmicrosoft.com',
    tenantId: '7b0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b',
    clientId: '0d2d7b3b-1111-4222-8333-444455556666',
    credential: { kind: 'secret' },
    keyVault: null,
    keychain: true,
    redirectPort: 8400,
    cloud: { kind: 'public' },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

const settingsPath = (): string => join(directory, PROFILES_FILE_NAME);
const filesIn = async (): Promise<string[]> => (await readdir(directory)).sort();

describe('the profiles settings file', () => {
  it('means no profiles when it does not exist (nor its directory)', async () => {
    const missing = createProfileFile({ directory: join(directory, 'not', 'yet') });
    expect(await missing.read()).toEqual({ profiles: [], damaged: null });
  });

  it('round-trips as versioned JSON, created with its directory, readable by this user only', async () => {
    const nested = createProfileFile({ directory: join(directory, 'SAM Desk') });
    const profiles = [profile('Contoso'), profile('Fabrikam')];
    await nested.write(profiles);
    expect(JSON.parse(await readFile(nested.path, 'utf8'))).toEqual({ version: 1, profiles });
    expect(await nested.read()).toEqual({ profiles, damaged: null });
    if (process.platform !== 'win32') {
      expect((await stat(nested.path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(directory, 'SAM Desk'))).mode & 0o777).toBe(0o700);
    }
    expect((await readdir(join(directory, 'SAM Desk'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is not corrupted by a crash mid-write: a half-written temp file is never read, and the next write succeeds', async () => {
    const before = [profile('Contoso')];
    await file.write(before);
    // What a crash between "write temp" and "rename" leaves behind: the real file untouched, a torn temp file beside it.
    const torn = join(directory, `${PROFILES_FILE_NAME}.0123456789ab.tmp`);
    await writeFile(torn, '{"version": 1, "profiles": [{"id": "trunc');
    expect(await file.read()).toEqual({ profiles: before, damaged: null });
    const after = [...before, profile('Fabrikam')];
    await file.write(after);
    expect(await file.read()).toEqual({ profiles: after, damaged: null });
    // A fresh temp file might be another process's write in progress: kept. An old one is a crash's leftover: removed.
    expect(await filesIn()).toEqual([PROFILES_FILE_NAME, `${PROFILES_FILE_NAME}.0123456789ab.tmp`]);
    const anHourAgo = new Date(NOW.getTime() - 3_600_000);
    await utimes(torn, anHourAgo, anHourAgo);
    await file.read();
    expect(await filesIn()).toEqual([PROFILES_FILE_NAME]);
  });

  it('never shows a reader a partial file while it is being rewritten', async () => {
    const many = Array.from({ length: 200 }, (_, index) => profile(`Customer ${String(index)} ${'x'.repeat(80)}`));
    await file.write(many);
    const state = { writing: true };
    let reads = 0;
    const reader = (async () => {
      while (state.writing) {
        const text = await readFile(settingsPath(), 'utf8');
        expect(() => JSON.parse(text) as unknown).not.toThrow();
        reads += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let round = 0; round < 30; round += 1) await file.write(many.slice(0, 200 - round));
    state.writing = false;
    await reader;
    expect(reads).toBeGreaterThan(1);
    expect((await file.read()).profiles).toHaveLength(171);
  });

  it('moves a file that is not JSON aside, byte for byte, and reports where', async () => {
    const garbage = '{"version": 1, "profiles": [ {"id": "cut off here';
    await writeFile(settingsPath(), garbage);
    const movedTo = `${settingsPath()}.damaged-2025-03-04T05-06-07.089Z`;
    expect(await file.read()).toEqual({
      profiles: [],
      damaged: { messageKey: 'profiles.errors.damagedFile', path: settingsPath(), movedTo, reason: 'not-json', recovered: 0, dropped: 0 },
    });
    expect(await readFile(movedTo, 'utf8')).toBe(garbage);
    // Nothing replaced it: the next read finds no file, and the damaged copy stays.
    expect(await file.read()).toEqual({ profiles: [], damaged: null });
    expect(await filesIn()).toEqual([`${PROFILES_FILE_NAME}.damaged-2025-03-04T05-06-07.089Z`]);
  });

  it('moves a file that fails the schema aside, and carries its valid profiles over', async () => {
    const good = [profile('Contoso'), profile('Fabrikam')];
    const text = JSON.stringify({ version: 1, profiles: [good[0], { ...profile('Broken'), tenantId: 'not-a-guid' }, good[1], good[0]] });
    await writeFile(settingsPath(), text);
    const { profiles, damaged } = await file.read();
    expect(profiles).toEqual(good);
    expect(damaged).toMatchObject({ reason: 'schema', recovered: 2, dropped: 2, path: settingsPath() });
    expect(await readFile(damaged?.movedTo ?? '', 'utf8')).toBe(text);
    expect(await file.read()).toEqual({ profiles: good, damaged: null });
  });

  it('treats a file without the versioned envelope as damaged', async () => {
    await writeFile(settingsPath(), JSON.stringify([profile('Contoso')]));
    expect((await file.read()).damaged).toMatchObject({ reason: 'schema', recovered: 0 });
    expect(await filesIn()).toEqual([`${PROFILES_FILE_NAME}.damaged-2025-03-04T05-06-07.089Z`]);
  });

  it('keeps every damaged copy when damage happens twice in the same millisecond', async () => {
    await writeFile(settingsPath(), 'first');
    await file.read();
    await writeFile(settingsPath(), 'second');
    const { damaged } = await file.read();
    expect(damaged?.movedTo).toBe(`${settingsPath()}.damaged-2025-03-04T05-06-07.089Z-2`);
    expect(await readFile(`${settingsPath()}.damaged-2025-03-04T05-06-07.089Z`, 'utf8')).toBe('first');
    expect(await readFile(damaged?.movedTo ?? '', 'utf8')).toBe('second');
  });

  it('leaves a file from a newer SAM Desk alone and says so', async () => {
    const text = JSON.stringify({ version: 2, profiles: [], somethingNew: true });
    await writeFile(settingsPath(), text);
    const error = await file.read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProfileError);
    expect(error).toMatchObject({ code: 'file-newer-version', messageKey: 'profiles.errors.fileNewerVersion', values: { path: settingsPath(), version: 2 } });
    expect(await readFile(settingsPath(), 'utf8')).toBe(text);
  });

  it('reads a file saved with a byte order mark', async () => {
    const profiles = [profile('Contoso')];
    await writeFile(settingsPath(), `\uFEFF${JSON.stringify({ version: 1, profiles })}`);
    expect(await file.read()).toEqual({ profiles, damaged: null });
  });

  it('reports a file it cannot read without moving it', async () => {
    await mkdir(settingsPath());
    await expect(file.read()).rejects.toMatchObject({ code: 'file-unreadable', messageKey: 'profiles.errors.fileUnreadable', values: { path: settingsPath() } });
    expect(await filesIn()).toEqual([PROFILES_FILE_NAME]);
  });

  it('reports a write it cannot make, leaving the old file and no temp file', async () => {
    const blocked = createProfileFile({ directory: join(directory, 'blocker', 'inside') });
    await writeFile(join(directory, 'blocker'), 'a file where a directory should be');
    await expect(blocked.write([profile('Contoso')])).rejects.toMatchObject({ code: 'file-unwritable', messageKey: 'profiles.errors.fileUnwritable' });

    const before = [profile('Contoso')];
    await file.write(before);
    await mkdir(join(directory, 'target-is-dir'));
    const intoDirectory = createProfileFile({ directory: join(directory, 'target-is-dir') });
    await mkdir(join(directory, 'target-is-dir', PROFILES_FILE_NAME));
    await writeFile(join(directory, 'target-is-dir', PROFILES_FILE_NAME, 'keep'), '');
    await expect(intoDirectory.write(before)).rejects.toMatchObject({ code: 'file-unwritable' });
    expect(await readdir(join(directory, 'target-is-dir'))).toEqual([PROFILES_FILE_NAME]);
    expect(await file.read()).toEqual({ profiles: before, damaged: null });
  });
});
