import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureTlsMaterial } from '../emulators/core/tls-certificate';
import { startLocalCloud, type LocalCloud } from '../emulators/local-cloud';
import { TLS_DIRECTORY } from '../emulators/testing/global-setup';
import { localCloudProfile } from '../emulators/testing/profile-input';
import { followSignIn } from '../emulators/testing/sign-in-driver';
import type { Profile } from '../shared/profiles/profile';
import { compose, type Composition } from './compose';
import { silentLogger } from './services/logger';
import { createSamDeskServices, type SamDeskServices } from './services/sam-desk-services';
import { createKeychain } from './services/secrets/keychain';
import { secretAccounts } from './services/secrets/secret-vault';
import { startRecordingServer, type RecordingServer } from './testing/recording-server';

/**
 * Secrets stay bound to where they belong: what anything that can call SAM Desk's API (a compromised window, or whoever
 * holds the browser-mode key) or edit its settings file can do by pointing a consented profile somewhere else. Each
 * attack names an endpoint of the attacker's, a real HTTPS server that records what it receives, and then makes SAM
 * Desk use the profile: redeem its token, check its credential's expiry in Graph, sync Partner Center, consent. The
 * server must receive no secret and no token (here: nothing at all). Real msal-node, SecretClient, keychain and
 * emulators; the API through the real dispatcher.
 */
let cloud: LocalCloud;
let attacker: RecordingServer;
let services: SamDeskServices;
let composition: Composition;
let directory: string;
const keychain = createKeychain(`SAM Desk binding test ${randomUUID()}`);
const created: string[] = [];
const opened: string[] = [];
const events: Array<{ event: string; payload: unknown }> = [];

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 61, customers: 3, maxUsersPerCustomer: 1 } });
  const tls = await ensureTlsMaterial(TLS_DIRECTORY);
  // A vault's challenge names the real sign-in host: the attacker wants the app's real Key Vault token.
  attacker = await startRecordingServer({ tls: { cert: tls.certPem, key: tls.keyPem }, challengeAuthority: `${cloud.endpoints.entra}/${cloud.state.world.partner.tenantId}` });
  directory = mkdtempSync(join(tmpdir(), 'sam-desk-binding-'));
  const admin = cloud.state.world.admins[0] ?? expect.fail('no admin');
  services = createSamDeskServices({
    userDataDirectory: directory,
    vault: keychain,
    openBrowser: (url) => {
      opened.push(url);
      followSignIn(url, admin);
    },
    now: () => new Date(),
    loopbackPages: { success: 'ok', failure: 'no' },
  });
  composition = compose({ mode: 'browser', version: '0', platform: 'linux', cloud: 'local', isOnline: () => true, logger: silentLogger, services, healthSchedule: false });
  composition.bus.listen((event, payload) => events.push({ event, payload }));
});
afterAll(async () => {
  composition.dispose();
  for (const id of created) for (const account of Object.values(secretAccounts)) await keychain.delete(account(id));
  await attacker.close();
  await cloud.close();
});
beforeEach(() => {
  attacker.received.length = 0;
  opened.length = 0;
});
afterEach(() => expectNothingReceived());

/** The attacker's server got no secret, no token, and in fact no request at all. */
function expectNothingReceived(): void {
  const secrets = [cloud.state.world.app.clientSecret, ...cloud.entra.refreshTokens.keys()];
  for (const request of attacker.received) {
    const seen = JSON.stringify(request);
    for (const secret of secrets) expect(seen.includes(secret), `${request.method} ${request.url} carried a secret or refresh token`).toBe(false);
    expect(seen, `${request.method} ${request.url} carried a bearer token`).not.toMatch(/bearer\s/i);
    expect(seen, `${request.method} ${request.url} carried a credential`).not.toMatch(/client_secret=|client_assertion=|refresh_token=/);
  }
  expect(attacker.received.map((request) => `${request.method} ${request.url}`)).toEqual([]);
  expect(opened.filter((url) => url.startsWith(attacker.origin))).toEqual([]);
}

async function call(method: string, request: unknown): Promise<unknown> {
  const envelope = await composition.dispatch(method, request);
  if (!envelope.ok) expect.fail(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

/** A profile of the local cloud's partner with Key Vault (the app's identity) and Graph, consented with MFA. */
async function consentedProfile(): Promise<Profile> {
  const { input, secrets } = localCloudProfile(cloud, { displayName: `Bound ${randomUUID().slice(0, 8)}`, keyVaultSecret: `Bound-${randomUUID().slice(0, 8)}` });
  const result = await services.profiles.create(input, secrets);
  if (!result.ok) expect.fail(JSON.stringify(result.errors));
  created.push(result.profile.id);
  expect(await services.consent.consent(result.profile.id, { openBrowser: true })).toMatchObject({ state: 'succeeded' });
  return result.profile;
}

type Custom = Extract<Profile['cloud'], { kind: 'custom' }>;
const withCloud = (profile: Profile, change: Partial<Custom>): Profile => ({ ...profile, cloud: { ...(profile.cloud as Custom), ...change } });
const intoAttackersVault = (profile: Profile): Profile => ({ ...withCloud(profile, { keyVaultSuffix: new URL(attacker.origin).host }), keyVault: profile.keyVault && { ...profile.keyVault, vaultUrl: `${attacker.origin}/` } });

/**
 * profiles.update through the API with no secret: refused, naming the client secret and the fix. Soft, like the
 * checks of each use that follows: the attack goes on whatever the answer, and what the attacker's server received
 * is what decides (afterEach).
 */
async function expectUpdateRefused(profile: Profile): Promise<void> {
  expect.soft(await call('profiles.update', { id: profile.id, input: profile, secrets: {} })).toEqual({ ok: false, errors: [{ field: 'clientSecret', messageKey: 'profiles.validation.clientSecretRebind' }] });
}

/** Runs a customers sync through the API and waits for how it ended. */
async function syncCustomers(profileId: string): Promise<{ state: string; error?: string }> {
  const started = (await call('customers.sync', { profileId })) as { ok: boolean; syncId?: string };
  expect(started.ok).toBe(true);
  const ended = (): { state: string; error?: string } | undefined =>
    events.map((entry) => entry.payload as { syncId?: string; state: string; error?: string }).find((payload) => payload.syncId === started.syncId && payload.state !== 'page');
  await expect.poll(ended, { timeout: 30_000 }).toBeDefined();
  return ended() ?? expect.fail('no end');
}

/** Edits profiles.json behind SAM Desk's back, as another program, a sync client or a restored backup would. */
async function editSettingsFile(profileId: string, change: (profile: Profile) => Profile): Promise<void> {
  const path = join(directory, 'profiles.json');
  const file = JSON.parse(await readFile(path, 'utf8')) as { version: number; profiles: Profile[] };
  await writeFile(path, JSON.stringify({ ...file, profiles: file.profiles.map((profile) => (profile.id === profileId ? change(profile) : profile)) }));
}

describe('changing where a profile points, through the API', () => {
  it('the sign-in host: refused without the client secret, and a token redeemed afterwards goes only to the real one', async () => {
    const profile = await consentedProfile();
    await expectUpdateRefused(withCloud(profile, { authorityHost: attacker.origin }));
    expect.soft(await call('tokens.acquire', { profileId: profile.id })).toMatchObject({ ok: true });
    // What is not an endpoint changes freely and keeps every secret.
    expect.soft(await call('profiles.update', { id: profile.id, input: { ...profile, displayName: 'Renamed', redirectPort: 8765 }, secrets: {} })).toMatchObject({ ok: true, refreshTokenCleared: false });
    expect.soft(await call('tokens.acquire', { profileId: profile.id })).toMatchObject({ ok: true });
  });

  it('the Graph URL: refused, and the credential expiry check sends no app-only token there', async () => {
    const profile = await consentedProfile();
    await expectUpdateRefused(withCloud(profile, { graphUrl: attacker.origin }));
    expect.soft(await call('health.check', { profileId: profile.id })).toMatchObject({ ok: true });
  });

  it('the Partner Center URL: refused, and a sync sends no access token there', async () => {
    const profile = await consentedProfile();
    await expectUpdateRefused(withCloud(profile, { partnerCenterUrl: attacker.origin }));
    expect.soft(await syncCustomers(profile.id)).toMatchObject({ state: 'done' });
  });

  it('the Key Vault URL: refused, and a redemption asks no vault but the real one', async () => {
    const profile = await consentedProfile();
    await expectUpdateRefused(intoAttackersVault(profile));
    expect.soft(await call('tokens.acquire', { profileId: profile.id })).toMatchObject({ ok: true, refreshedFrom: 'key-vault' });
  });

  it('a duplicate keeps its original’s binding: new endpoints need the secret, and then the old consent is not used', async () => {
    const profile = await consentedProfile();
    const copy = (await call('profiles.duplicate', { id: profile.id })) as { ok: true; profile: Profile };
    created.push(copy.profile.id);
    const elsewhere = withCloud(copy.profile, { authorityHost: attacker.origin });
    await expectUpdateRefused(elsewhere);
    // Where it still points, the copy may use the Key Vault secret it shares with its original.
    expect.soft(await call('tokens.acquire', { profileId: copy.profile.id })).toMatchObject({ ok: true, refreshedFrom: 'key-vault' });
    // With the secret entered again the copy may point elsewhere: Key Vault's refresh token (consented at the real
    // sign-in host, and still in the vault) is not redeemed at the new one, nor is the app's secret sent for it.
    expect.soft(await call('profiles.update', { id: copy.profile.id, input: elsewhere, secrets: { clientSecret: cloud.state.world.app.clientSecret } })).toMatchObject({ ok: true });
    expect.soft(await call('tokens.acquire', { profileId: copy.profile.id })).toMatchObject({ ok: false, error: 'no-refresh-token', detail: { reason: 'endpoints-changed' } });
  });
});

describe('a settings file changed behind SAM Desk’s back', () => {
  it('is refused in main right before each use: redemption, Graph, Partner Center, Key Vault retry and consent', async () => {
    const profile = await consentedProfile();
    await editSettingsFile(profile.id, (stored) => withCloud(stored, { authorityHost: attacker.origin, graphUrl: attacker.origin, partnerCenterUrl: attacker.origin }));
    expect.soft(await call('tokens.acquire', { profileId: profile.id })).toEqual({ ok: false, error: 'secret-not-bound', detail: { fields: 'authorityHost,partnerCenterUrl,graphUrl' } });
    const health = (await call('health.check', { profileId: profile.id })) as { entries: Array<{ assessment: { lastError: string | null } }> };
    expect.soft(health.entries[0]?.assessment.lastError).toBe('secret-not-bound');
    expect.soft(await syncCustomers(profile.id)).toMatchObject({ state: 'failed', error: 'secret-not-bound' });
    expect.soft(await call('keyVault.retry', { profileId: profile.id })).toMatchObject({ ok: false, error: 'secret-not-bound' });
    expect.soft(await call('consent.start', { profileId: profile.id, openBrowser: true })).toEqual({ ok: true });
    await expect
      .poll(() => events.find((entry) => entry.event === 'consent.progress' && (entry.payload as { profileId: string; state: string }).profileId === profile.id && (entry.payload as { state: string }).state === 'failed')?.payload)
      .toMatchObject({ error: 'secret-not-bound' });
  });

  it('keeps an access token held in memory from a Partner Center or vault address changed afterwards', async () => {
    const profile = await consentedProfile();
    expect.soft(await call('tokens.acquire', { profileId: profile.id })).toMatchObject({ ok: true });
    await editSettingsFile(profile.id, (stored) => intoAttackersVault(withCloud(stored, { partnerCenterUrl: attacker.origin })));
    expect.soft(await syncCustomers(profile.id)).toMatchObject({ state: 'failed', error: 'secret-not-bound' });
    expect.soft(await call('tokens.acquire', { profileId: profile.id, resource: 'https://graph.microsoft.com' })).toMatchObject({ ok: false, error: 'secret-not-bound' });
    expect.soft(await call('health.check', { profileId: profile.id })).toMatchObject({ ok: true });
  });
});
