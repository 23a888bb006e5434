import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts } from '../secrets/secret-vault';
import { createEncryptedCache } from './encrypted-cache';
import { createPartnerCenterClient } from './partner-center-client';
import { syncCustomers, syncUsersOfCustomers, type SyncProgress } from './partner-center-sync';

/** Streaming Partner Center data from the emulator into the encrypted cache, with progress, cancel and bounded concurrency. */
let cloud: LocalCloud;
const keychain = createKeychain(`SAM Desk sync test ${randomUUID()}`);
const profileId = randomUUID();
beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 21, customers: 3_000, maxUsersPerCustomer: 20 } });
});
afterAll(async () => {
  await keychain.delete(secretAccounts.cacheKey(profileId));
  await cloud.close();
});

function client() {
  let concurrent = 0;
  let peak = 0;
  const instance = createPartnerCenterClient({
    baseUrl: cloud.endpoints.partnerCenter,
    accessToken: async () => {
      const now = cloud.state.clock.nowSeconds();
      return cloud.state.keys.sign({ aud: 'https://api.partnercenter.microsoft.com', tid: cloud.state.world.partner.tenantId, scp: 'user_impersonation', amr: ['pwd', 'mfa'], ver: '1.0', iat: now, nbf: now, exp: now + 3600 });
    },
    locale: () => 'en-US',
    fetch: async (input, init) => {
      peak = Math.max(peak, ++concurrent);
      try {
        return await fetch(input, init);
      } finally {
        concurrent--;
      }
    },
  });
  return { instance, peak: () => peak };
}

describe('Partner Center sync', () => {
  it('streams all customers with progress and caches the complete list', async () => {
    const cache = createEncryptedCache({ directory: mkdtempSync(join(tmpdir(), 'sam-desk-sync-')), vault: keychain, profileId, name: 'customers' });
    const progress: SyncProgress[] = [];
    const customers = await syncCustomers<{ id: string }>({ client: client().instance, cache, onPage: (_items, step) => progress.push(step), now: () => new Date('2026-11-24T12:00:00Z') });
    expect(customers).toHaveLength(3_000);
    expect(progress.map((step) => step.loaded)).toEqual([500, 1_000, 1_500, 2_000, 2_500, 3_000]);
    const cached = await cache.read<Array<{ id: string }>>();
    expect(cached.status === 'ok' ? cached.data.value.length : 0).toBe(3_000);
  });

  it('does not cache a cancelled, partial list', async () => {
    const cache = createEncryptedCache({ directory: mkdtempSync(join(tmpdir(), 'sam-desk-sync-')), vault: keychain, profileId, name: 'customers' });
    const controller = new AbortController();
    await expect(syncCustomers({ client: client().instance, cache, signal: controller.signal, onPage: () => controller.abort(), now: () => new Date() })).rejects.toMatchObject({ code: 'cancelled' });
    expect(await cache.read()).toEqual({ status: 'empty' });
  });

  it('loads the users of many customers with bounded concurrency', async () => {
    const { instance, peak } = client();
    const customerIds = Array.from({ length: 40 }, (_, index) => cloud.state.world.customerIdAt(index) ?? '');
    const users = await syncUsersOfCustomers({ client: instance, customerIds, concurrency: 4 });
    expect(users.size).toBe(40);
    expect(peak()).toBeLessThanOrEqual(4);
    const first = cloud.state.world.usersOf(customerIds[0] ?? '').filter((user) => user.state === 'active');
    expect(users.get(customerIds[0] ?? '')).toHaveLength(first.length);
  });
});
