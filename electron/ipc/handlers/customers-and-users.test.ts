import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { followSignIn } from '../../../emulators/testing/sign-in-driver';
import { localCloudProfile } from '../../../emulators/testing/profile-input';
import type { CustomersProgress, UsersProgress } from '../../../shared/ipc/partner-center-contract';
import { createDispatcher } from '../dispatch';
import { EventBus } from '../event-bus';
import { createHandlerTable } from '../create-handler-table';
import { silentLogger } from '../../services/logger';
import { createSamDeskServices, type SamDeskServices } from '../../services/sam-desk-services';
import { createKeychain } from '../../services/secrets/keychain';
import { secretAccounts } from '../../services/secrets/secret-vault';

/**
 * Customers and users end to end below the window: the contract's methods through the real dispatcher, a profile
 * consented with MFA through the real msal-node against the local cloud, Partner Center pages streamed as events,
 * the encrypted cache in the real OS keychain, and the same cache answering once the cloud is gone.
 */
let cloud: LocalCloud;
let services: SamDeskServices;
let dispatch: ReturnType<typeof createDispatcher>;
let profileId: string;
const events: Array<{ event: string; payload: unknown }> = [];
const keychain = createKeychain(`SAM Desk data test ${randomUUID()}`);
const directory = mkdtempSync(join(tmpdir(), 'sam-desk-data-'));

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 31, customers: 1_234, maxUsersPerCustomer: 700 } });
  const admin = cloud.state.world.admins[0] ?? expect.fail('no admin');
  services = createSamDeskServices({
    userDataDirectory: directory,
    vault: keychain,
    openBrowser: (url) => followSignIn(url, admin),
    now: () => new Date(),
    loopbackPages: { success: 'ok', failure: 'no' },
    language: 'sv',
  });
  const bus = new EventBus();
  bus.listen((event, payload) => events.push({ event, payload }));
  dispatch = createDispatcher(
    createHandlerTable({ services, bus, appInfo: () => ({ name: 'SAM Desk', version: '0', mode: 'browser', platform: 'linux', cloud: 'local' }), isOnline: () => true, now: () => new Date() }),
    silentLogger,
  );
  const { input, secrets } = localCloudProfile(cloud, { displayName: 'Data test partner' });
  const created = await services.profiles.create(input, secrets);
  if (!created.ok) expect.fail(JSON.stringify(created.errors));
  profileId = created.profile.id;
  await services.consent.consent(profileId, { openBrowser: true });
});
afterAll(async () => {
  for (const account of Object.values(secretAccounts)) await keychain.delete(account(profileId));
  await cloud.close();
});

function until<T>(predicate: (payload: T) => boolean, event: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} arrived`)), 15_000);
    const poll = setInterval(() => {
      const found = events.find((entry) => entry.event === event && predicate(entry.payload as T));
      if (found) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(found.payload as T);
      }
    }, 10);
  });
}

describe('customers and users through the contract', () => {
  it('streams every customer page by page, then answers from the encrypted cache', async () => {
    expect(await dispatch('customers.cached', { profileId })).toEqual({ ok: true, value: { status: 'empty' } });
    const started = await dispatch('customers.sync', { profileId, language: 'en' });
    expect(started).toMatchObject({ ok: true, value: { ok: true, alreadyRunning: false } });
    const syncId = (started as { value: { syncId: string } }).value.syncId;
    // A second request while it runs joins it instead of starting another.
    expect(await dispatch('customers.sync', { profileId })).toMatchObject({ ok: true, value: { ok: true, syncId, alreadyRunning: true } });
    const done = await until<CustomersProgress>((payload) => payload.syncId === syncId && payload.state !== 'page', 'customers.progress');
    expect(done).toMatchObject({ state: 'done', loaded: 1_234, cached: true, profileId });
    const pages = events.filter((entry) => entry.event === 'customers.progress' && (entry.payload as CustomersProgress).state === 'page').map((entry) => entry.payload as Extract<CustomersProgress, { state: 'page' }>);
    expect(pages.map((page) => page.loaded)).toEqual([500, 1_000, 1_234]);
    // The emulator's totalCount counts the page, so it is no total; only rows cross, never Partner Center's links.
    expect(pages.every((page) => page.total === null)).toBe(true);
    const first = cloud.state.world.customerAt(0);
    expect(pages[0]?.rows[0]).toEqual({ id: first?.id, companyName: first?.companyProfile.companyName, domain: first?.companyProfile.domain, tenantId: first?.companyProfile.tenantId, relationship: first?.relationshipToPartner });

    const cached = (await dispatch('customers.cached', { profileId })) as { value: { status: string; rows: unknown[]; asOf: string } };
    expect(cached.value.status).toBe('ok');
    expect(cached.value.rows).toHaveLength(1_234);
    expect(Date.parse(cached.value.asOf)).toBeGreaterThan(Date.now() - 60_000);
    const file = join(directory, 'cache', `${profileId}.customers.cache`);
    const bytes = readFileSync(file, 'utf8');
    expect(bytes).not.toContain(first?.companyProfile.companyName ?? 'x');
    expect(bytes).not.toContain('onmicrosoft');
    // Another profile never sees it.
    expect(await dispatch('customers.cached', { profileId: randomUUID() })).toEqual({ ok: true, value: { status: 'empty' } });
  });

  it('loads a customer’s active and deleted users, cached per customer', async () => {
    const customerId = cloud.state.world.customerIdAt(3) ?? '';
    const expected = cloud.state.world.usersOf(customerId);
    const started = (await dispatch('users.sync', { profileId, customerId })) as { value: { ok: true; syncId: string } };
    const done = await until<UsersProgress>((payload) => payload.syncId === started.value.syncId && payload.state !== 'page', 'users.progress');
    expect(done).toMatchObject({ state: 'done', loaded: expected.length, customerId });
    const cached = (await dispatch('users.cached', { profileId, customerId })) as { value: { status: 'ok'; rows: Array<{ state: string; userPrincipalName: string; deletedAt: string | null }> } };
    expect(cached.value.rows).toHaveLength(expected.length);
    const deleted = cached.value.rows.filter((row) => row.state === 'deleted');
    expect(deleted).toHaveLength(expected.filter((user) => user.state === 'inactive').length);
    expect(deleted.every((row) => row.deletedAt !== null)).toBe(true);
    expect(new Set(cached.value.rows.map((row) => row.userPrincipalName))).toEqual(new Set(expected.map((user) => user.userPrincipalName)));
    // Another customer's users are another file.
    expect(await dispatch('users.cached', { profileId, customerId: cloud.state.world.customerIdAt(4) ?? '' })).toEqual({ ok: true, value: { status: 'empty' } });
  });

  it('cancels a running sync and keeps the previous offline copy', async () => {
    cloud.state.faults.add({ service: 'partnercenter', path: '/v1/customers', fault: { type: 'delay', ms: 2_000 }, remaining: 1 });
    const started = (await dispatch('customers.sync', { profileId })) as { value: { syncId: string } };
    expect(await dispatch('customers.cancel', { profileId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await until<CustomersProgress>((payload) => payload.syncId === started.value.syncId && payload.state !== 'page', 'customers.progress')).toMatchObject({ state: 'cancelled' });
    expect(((await dispatch('customers.cached', { profileId })) as { value: { rows: unknown[] } }).value.rows).toHaveLength(1_234);
  });

  it('refuses bad input by field, and an unknown profile with its code', async () => {
    expect(await dispatch('users.sync', { profileId, customerId: '../../etc/passwd' })).toEqual({ ok: false, error: { code: 'invalid-request', field: 'customerId' } });
    expect(await dispatch('customers.sync', { profileId: randomUUID() })).toMatchObject({ ok: true, value: { ok: false, error: 'profile-not-found' } });
  });

  it('with the cloud gone, still shows the last data, and the sync fails with a network error', async () => {
    await cloud.close();
    await services.tokens.forget(profileId);
    expect(((await dispatch('customers.cached', { profileId })) as { value: { status: string; rows: unknown[] } }).value.rows).toHaveLength(1_234);
    const started = (await dispatch('customers.sync', { profileId })) as { value: { syncId: string } };
    expect(await until<CustomersProgress>((payload) => payload.syncId === started.value.syncId && payload.state !== 'page', 'customers.progress')).toMatchObject({ state: 'failed', error: 'network' });
  });

  it('deletes the profile’s cache files with the profile', async () => {
    expect(readdirSync(join(directory, 'cache')).some((name) => name.startsWith(profileId))).toBe(true);
    await dispatch('profiles.remove', { id: profileId });
    expect(readdirSync(join(directory, 'cache')).some((name) => name.startsWith(profileId))).toBe(false);
    expect(existsSync(join(directory, 'cache', `${profileId}.customers.cache`))).toBe(false);
  });
});
