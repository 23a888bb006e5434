import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts } from '../secrets/secret-vault';
import { temporaryCachePath } from './cache-files';
import { createEncryptedCache } from './encrypted-cache';

/** The offline cache with its key in the real OS keychain. */
const keychain = createKeychain(`SAM Desk cache test ${randomUUID()}`);
const directory = mkdtempSync(join(tmpdir(), 'sam-desk-cache-'));
const profiles = [randomUUID(), randomUUID()] as const;
afterAll(async () => {
  for (const id of profiles) await keychain.delete(secretAccounts.cacheKey(id));
});

const customers = [{ companyName: 'Café Lumière AB', domain: 'cafelumiere.onmicrosoft.com', user: 'asa.oberg@cafelumiere.onmicrosoft.com' }];

describe('the encrypted offline cache', () => {
  it('round-trips data with its as-of time, and the file holds no plaintext name or UPN', async () => {
    const cache = createEncryptedCache({ directory, vault: keychain, profileId: profiles[0], name: 'customers' });
    expect(await cache.read()).toEqual({ status: 'empty' });
    await cache.write(customers, new Date('2026-11-24T10:00:00Z'));
    expect(await cache.read()).toEqual({ status: 'ok', data: { asOf: '2026-11-24T10:00:00.000Z', value: customers } });
    const bytes = readFileSync(cache.path, 'utf8');
    for (const plain of ['Café', 'Lumi', 'cafelumiere', 'asa.oberg', 'onmicrosoft']) expect(bytes).not.toContain(plain);
    expect(await keychain.get(secretAccounts.cacheKey(profiles[0]))).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('a profile’s caches first written at the same moment share one key: both stay readable', async () => {
    const profileId = randomUUID();
    const names = ['customers', 'users', 'users-of-a', 'users-of-b'];
    const caches = names.map((name) => createEncryptedCache({ directory, vault: keychain, profileId, name }));
    try {
      await Promise.all(caches.map((cache, index) => cache.write([{ index }], new Date('2026-12-01T00:00:00Z'))));
      for (const [index, cache] of caches.entries()) expect(await cache.read()).toEqual({ status: 'ok', data: { asOf: '2026-12-01T00:00:00.000Z', value: [{ index }] } });
    } finally {
      await keychain.delete(secretAccounts.cacheKey(profileId));
    }
  });

  it('never shows another profile’s cache: a copied file is set aside, not decrypted', async () => {
    const mine = createEncryptedCache({ directory, vault: keychain, profileId: profiles[0], name: 'customers' });
    const theirs = createEncryptedCache({ directory, vault: keychain, profileId: profiles[1], name: 'customers' });
    await theirs.write([{ companyName: 'Other' }], new Date());
    copyFileSync(mine.path, theirs.path);
    const read = await theirs.read();
    expect(read.status).toBe('damaged');
    expect(existsSync(theirs.path)).toBe(false);
    // Even with the envelope rewritten to claim the other profile, the authenticated profile id does not match.
    const forged = JSON.parse(readFileSync(mine.path, 'utf8')) as { profileId: string };
    writeFileSync(theirs.path, JSON.stringify({ ...forged, profileId: profiles[1] }));
    expect((await theirs.read()).status).toBe('damaged');
  });

  it('ignores the temporary files of writes whose process died, and deletes them; a running writer’s stays', async () => {
    const cache = createEncryptedCache({ directory, vault: keychain, profileId: profiles[1], name: 'crashed' });
    await cache.write(customers, new Date('2026-11-24T10:00:00Z'));
    const { pid: dead } = spawnSync(process.execPath, ['-e', '']);
    const deadWriter = `${cache.path}.${String(dead)}.0123456789ab.tmp`;
    const olderName = `${cache.path}.0123456789ab.tmp`;
    const running = temporaryCachePath(cache.path, 'ba9876543210');
    for (const path of [deadWriter, olderName, running]) writeFileSync(path, '{"format":"sam-desk-cache","data":"tru');
    expect(await cache.read()).toMatchObject({ status: 'ok', data: { value: customers } });
    const left = readdirSync(join(directory, 'cache')).filter((name) => name.includes(`${profiles[1]}.crashed.cache.`));
    expect(left).toEqual([basename(running)]);
  });

  it('sets a damaged file aside with a notice instead of failing', async () => {
    const cache = createEncryptedCache({ directory, vault: keychain, profileId: profiles[0], name: 'users' });
    await cache.write({ ok: true }, new Date());
    const envelope = JSON.parse(readFileSync(cache.path, 'utf8')) as { data: string };
    writeFileSync(cache.path, JSON.stringify({ ...envelope, data: Buffer.from('tampered').toString('base64') }));
    const read = await cache.read();
    expect(read).toMatchObject({ status: 'damaged' });
    if (read.status === 'damaged') expect(existsSync(read.movedTo)).toBe(true);
    expect(await cache.read()).toEqual({ status: 'empty' });
  });
});
