import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { localCloudProfile } from '../../../emulators/testing/profile-input';
import { followSignIn } from '../../../emulators/testing/sign-in-driver';
import { oneComputer } from '../../testing/one-computer';
import { secretAccounts } from '../secrets/secret-vault';
import { lineTiming } from './shared-access-tokens';

/**
 * The access tokens SAM Desk's processes share through the keychain: reused across processes, never across a
 * reconsent or a profile edit, never when damaged or not the profile's own, and gone with the profile. Each
 * `computer.process()` is one process's services; the local cloud and the keychain are real.
 */
let cloud: LocalCloud;
const computer = oneComputer({ now: () => cloud.state.clock.now(), browser: (url) => followSignIn(url, cloud.state.world.admins[0] ?? expect.fail('no admin')) });

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 37, customers: 2, maxUsersPerCustomer: 1 } });
});
afterEach(() => computer.cleanUp());
afterAll(() => cloud.close());

const consented = (name: string): Promise<string> => computer.consentedProfile(localCloudProfile(cloud, { displayName: name, keyVaultSecret: name.replaceAll(' ', '') }));
const refreshGrants = (): number => cloud.entra.grantRequests.get('refresh_token') ?? 0;
const sharedItem = (profileId: string): string => secretAccounts.accessToken(profileId);

describe('access tokens shared between processes', () => {
  it('are reused by other processes until near expiry, seen by health, and redeemed again on forceRefresh', async () => {
    const profileId = await consented('Shared reuse');
    const grants = refreshGrants();
    const first = await computer.process().tokens.acquire(profileId);
    expect(first.refreshedFrom).toBe('key-vault');
    const second = await computer.process().tokens.acquire(profileId);
    expect(second).toMatchObject({ refreshedFrom: 'cache', token: first.token, saved: null });
    expect(second.expiresOn.getTime()).toBe(first.expiresOn.getTime());
    expect((await computer.process().tokens.peek(profileId))?.token).toBe(first.token);
    expect(refreshGrants() - grants).toBe(1);

    const forced = await computer.process().tokens.acquire(profileId, { forceRefresh: true });
    expect(forced.refreshedFrom).toBe('key-vault');
    expect(forced.token).not.toBe(first.token);
    expect((await computer.process().tokens.acquire(profileId)).token).toBe(forced.token);
    expect(refreshGrants() - grants).toBe(2);

    // Past the reuse window (an hour, less five minutes) every process redeems again.
    cloud.state.clock.advance(56 * 60);
    expect((await computer.process().tokens.acquire(profileId)).refreshedFrom).toBe('key-vault');
  });

  it('are never reused after a reconsent or a profile edit in another process, not even by a process that holds one', async () => {
    const profileId = await consented('Shared reconsent');
    const running = computer.process();
    const before = await running.tokens.acquire(profileId);

    // Another process (the CLI) reconsents: its forget() moves the line on and drops the shared copy.
    const reconsenting = computer.process();
    expect(await reconsenting.consent.consent(profileId, { openBrowser: true })).toMatchObject({ state: 'succeeded' });
    const fresh = await computer.process().tokens.acquire(profileId);
    expect(fresh.refreshedFrom).toBe('key-vault');
    expect(fresh.token).not.toBe(before.token);
    // The running process, which held the older line's token in memory, lets go of it once it looks at the line again.
    await sleep(lineTiming.recheckMs + 50);
    expect((await running.tokens.acquire(profileId)).token).toBe(fresh.token);

    // A profile edit elsewhere (a new display name is enough: the edit could have been the tenant) does the same.
    const editing = computer.process();
    const { input } = localCloudProfile(cloud, { displayName: 'Shared reconsent, renamed', keyVaultSecret: 'Sharedreconsent' });
    expect((await editing.profiles.update(profileId, input)).ok).toBe(true);
    await editing.tokens.forget(profileId);
    expect((await computer.process().tokens.acquire(profileId)).refreshedFrom).toBe('key-vault');
  });

  it.each([
    ['not JSON', () => 'not json {'],
    ['another shape', () => JSON.stringify({ accessToken: 'x', expires: 1 })],
    ['expired', (entry: Record<string, unknown>) => JSON.stringify({ ...entry, expiresOn: new Date(cloud.state.clock.now().getTime() - 1_000).toISOString() })],
    ['valid too far ahead', (entry: Record<string, unknown>) => JSON.stringify({ ...entry, expiresOn: new Date(cloud.state.clock.now().getTime() + 30 * 3_600_000).toISOString() })],
    ['another tenant’s', (entry: Record<string, unknown>) => JSON.stringify({ ...entry, tenantId: '00000000-0000-0000-0000-000000000001' })],
    ['a token for another app', (entry: Record<string, unknown>) => JSON.stringify({ ...entry, token: forgedToken(String(entry.token), { appid: '00000000-0000-0000-0000-000000000002' }) })],
    ['a token asked for another scope', (entry: Record<string, unknown>) => JSON.stringify({ ...entry, scope: 'https://graph.microsoft.com/.default' })],
  ])('ignore a damaged or foreign entry (%s) and overwrite it', async (_name, damage) => {
    const profileId = await consented(`Shared damaged ${_name.replace(/\W+/g, ' ').trim()}`);
    await computer.process().tokens.acquire(profileId);
    const entry = JSON.parse((await computer.keychain.get(sharedItem(profileId))) ?? 'null') as Record<string, unknown>;
    await computer.keychain.set(sharedItem(profileId), damage(entry));
    const grants = refreshGrants();
    const next = await computer.process().tokens.acquire(profileId);
    expect(next.refreshedFrom).toBe('key-vault');
    expect(refreshGrants() - grants).toBe(1);
    expect(await computer.process().tokens.peek(profileId)).toMatchObject({ token: next.token });
    expect(await computer.process().tokens.acquire(profileId)).toMatchObject({ refreshedFrom: 'cache', token: next.token });
  });

  it('go with the profile: removing it deletes their keychain items', async () => {
    const profileId = await consented('Shared removal');
    const services = computer.process();
    const otherResource = 'https://api.partnercenter.microsoft.com/';
    await services.tokens.acquire(profileId);
    await services.tokens.acquire(profileId, { resource: otherResource });
    const items = [secretAccounts.accessTokenLine(profileId), sharedItem(profileId), secretAccounts.accessToken(profileId, otherResource), secretAccounts.accessTokenResources(profileId)];
    for (const item of items) expect(await computer.keychain.get(item), item).not.toBeNull();
    expect((await computer.process().tokens.acquire(profileId, { resource: otherResource })).refreshedFrom).toBe('cache');

    expect(await computer.process().profiles.remove(profileId)).toEqual({ keychainCleanupFailed: false });
    for (const item of items) expect(await computer.keychain.get(item), item).toBeNull();
  });
});

/** The token with some claims changed (the signature no longer matches: the point is what the entry claims). */
function forgedToken(token: string, claims: Record<string, unknown>): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const changed = { ...(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>), ...claims };
  return [header, Buffer.from(JSON.stringify(changed), 'utf8').toString('base64url'), signature].join('.');
}
