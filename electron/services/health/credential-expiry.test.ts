import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_HEADER } from '../../../emulators/control/routes';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { localCloudProfile } from '../../../emulators/testing/profile-input';
import { followSignIn } from '../../../emulators/testing/sign-in-driver';
import type { Profile } from '../../../shared/profiles/profile';
import { createSamDeskServices, type SamDeskServices } from '../sam-desk-services';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts } from '../secrets/secret-vault';
import { nextCredentialExpiry } from './credential-expiry';

/**
 * The app secret's expiry in token health, read from the app registration in Microsoft Graph with an app-only token
 * (real msal-node client credentials, real fetch) against the local cloud, on the emulator's clock: a secret ending in
 * 10 days needs action (renew the credential), an expired one too, a denied Graph permission changes nothing but the
 * fact's wording, and an unreachable Graph keeps the last known fact.
 */
let cloud: LocalCloud;
let services: SamDeskServices;
let profileId: string;
const keychain = createKeychain(`SAM Desk credential expiry test ${randomUUID()}`);
const directory = mkdtempSync(join(tmpdir(), 'sam-desk-credential-expiry-'));
const DAY_MS = 86_400_000;

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 43, customers: 3, maxUsersPerCustomer: 2 } });
  services = createSamDeskServices({
    userDataDirectory: directory,
    vault: keychain,
    openBrowser: (url) => followSignIn(url, cloud.state.world.admins[0] ?? expect.fail('no admin')),
    now: () => cloud.state.clock.now(),
    loopbackPages: { success: 'ok', failure: 'no' },
  });
  // Keychain only: what the checks below see of the app credential comes from Graph and Entra, not from Key Vault.
  const { input, secrets } = localCloudProfile(cloud, { displayName: 'Credential expiry partner' });
  const created = await services.profiles.create(input, secrets);
  if (!created.ok) expect.fail(JSON.stringify(created.errors));
  profileId = created.profile.id;
  expect(await services.consent.consent(profileId, { openBrowser: true })).toMatchObject({ state: 'succeeded' });
});
afterAll(async () => {
  for (const account of Object.values(secretAccounts)) await keychain.delete(account(profileId));
  await cloud.close();
});

async function control(path: string, method: string, body: unknown): Promise<void> {
  const response = await fetch(`${cloud.endpoints.control}${path}`, { method, headers: { 'content-type': 'application/json', [CONTROL_HEADER]: '1' }, body: JSON.stringify(body) });
  expect(response.status, path).toBeLessThan(300);
}
const secretEndsInDays = (days: number) => control('/app/secret-expiry', 'POST', { daysFromNow: days });
const graphRoles = (roles: readonly string[]) => control('/settings', 'PATCH', { graphAppRoles: roles });
const check = () => services.health.check(profileId, { refresh: false });
const reasonsOf = (entry: Awaited<ReturnType<typeof check>>) => entry.assessment.reasons.map((reason) => reason.reason);

beforeEach(async () => {
  await graphRoles(['Application.Read.All']);
  await secretEndsInDays(700);
  await fetch(`${cloud.endpoints.control}/faults`, { method: 'DELETE', headers: { [CONTROL_HEADER]: '1' } });
});

describe("the app secret's expiry in token health", () => {
  it("reads our secret's end date from Graph, told from the app's other secret by its hint", async () => {
    const entry = await check();
    // The registration's other secret ends within the week: taking it would make this profile "expiring".
    expect(entry.assessment).toMatchObject({ state: 'healthy', action: 'none' });
    expect(entry.facts.credentialExpiry?.value).toEqual({ kind: 'secret', expiresAt: cloud.state.appSecretEndsAt.toISOString() });
  });

  it('needs action, renew the credential, when the secret ends in 10 days', async () => {
    await secretEndsInDays(10);
    const entry = await check();
    expect(entry.assessment).toMatchObject({ state: 'action-needed', action: 'renew-credential' });
    expect(entry.assessment.reasons).toEqual([{ reason: 'credential-expiring', values: { days: 9 } }]);
    expect(entry.facts.credentialExpiry?.value).toEqual({ kind: 'secret', expiresAt: cloud.state.appSecretEndsAt.toISOString() });
  });

  it('stays healthy when the app may not read its registration (no Application.Read.All), and says so', async () => {
    await graphRoles([]);
    const entry = await check();
    expect(entry.assessment).toMatchObject({ state: 'healthy', action: 'none', reasons: [] });
    expect(entry.facts.credentialExpiry?.value).toEqual({ kind: 'secret', expiresAt: null, unknown: 'no-permission' });
    expect(entry.facts.lastError).toBeUndefined();
  });

  it('keeps the last known end date when Graph cannot be reached or fails', async () => {
    await secretEndsInDays(10);
    const known = (await check()).facts.credentialExpiry ?? expect.fail('no credential fact');
    for (const fault of [{ type: 'reset' }, { type: 'status', status: 503 }, { type: 'malformed-json' }]) {
      await control('/faults', 'POST', { service: 'graph', count: 1, fault });
      const entry = await check();
      expect(entry.facts.credentialExpiry, JSON.stringify(fault)).toEqual(known);
      expect(entry.assessment.action).toBe('renew-credential');
      expect(entry.facts.lastCheck?.value).toBe('complete');
    }
  });

  it('calls an expired secret credential-expired once its end date has passed (Entra then refuses it, 7000222)', async () => {
    await secretEndsInDays(10);
    await check();
    cloud.state.clock.advance(11 * 86_400);
    const entry = await check();
    expect(entry.assessment).toMatchObject({ state: 'action-needed', action: 'renew-credential' });
    expect(reasonsOf(entry)[0]).toBe('credential-expired');
    expect(entry.facts.lastError?.value.code).toBe('client-secret-expired');
    expect(Date.parse(entry.facts.credentialExpiry?.value?.expiresAt ?? '')).toBeLessThan(cloud.state.clock.now().getTime());
    // A renewed secret (here: the same one given a later end date) makes the profile healthy again at the next check.
    await secretEndsInDays(365);
    const renewed = await check();
    expect(renewed.facts.credentialExpiry?.value?.expiresAt).toBe(cloud.state.appSecretEndsAt.toISOString());
    expect(renewed.assessment).toMatchObject({ state: 'healthy', action: 'none' });
    expect(renewed.facts.lastError).toBeUndefined();
  });

  it('writes no secret and no token to the health file', async () => {
    const text = readFileSync(join(directory, 'health.json'), 'utf8');
    expect(text).not.toContain(cloud.state.world.app.clientSecret);
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});

describe('nextCredentialExpiry', () => {
  const base = { id: randomUUID(), displayName: 'p', tenant: 't', tenantId: randomUUID(), clientId: randomUUID(), keyVault: null, keychain: true, redirectPort: 'any', cloud: { kind: 'public' }, createdAt: '', updatedAt: '' } as const;
  const secretProfile: Profile = { ...base, credential: { kind: 'secret' } };
  const certificateProfile: Profile = { ...base, credential: { kind: 'certificate', path: '/x.pem', thumbprint: 'A'.repeat(40) } };
  const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY_MS);

  it("takes the earlier of the certificate's end and the registration's, and the file's when Graph cannot tell", () => {
    const graph = (days: number) => ({ outcome: 'read' as const, fact: { kind: 'certificate' as const, expiresAt: at(days).toISOString() } });
    expect(nextCredentialExpiry(certificateProfile, undefined, at(100), graph(40))).toEqual({ kind: 'certificate', expiresAt: at(40).toISOString() });
    expect(nextCredentialExpiry(certificateProfile, undefined, at(100), graph(400))).toEqual({ kind: 'certificate', expiresAt: at(100).toISOString() });
    expect(nextCredentialExpiry(certificateProfile, undefined, at(100), { outcome: 'read', fact: { kind: 'certificate', expiresAt: null, unknown: 'no-permission' } })).toEqual({ kind: 'certificate', expiresAt: at(100).toISOString() });
  });

  it("keeps the last known fact when Graph could not be asked, but not one about the other kind of credential", () => {
    const known = { kind: 'secret' as const, expiresAt: at(5).toISOString() };
    expect(nextCredentialExpiry(secretProfile, known, null, { outcome: 'unavailable' })).toBe(known);
    expect(nextCredentialExpiry(secretProfile, { kind: 'certificate', expiresAt: at(5).toISOString() }, null, { outcome: 'unavailable' })).toBeUndefined();
  });
});
