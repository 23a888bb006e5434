import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { driveSignIn, followSignIn } from '../../../emulators/testing/sign-in-driver';
import { localCloudProfile } from '../../../emulators/testing/profile-input';
import { createSamDeskServices, type SamDeskServices } from '../sam-desk-services';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts } from '../secrets/secret-vault';

/**
 * Token health end to end against the local Microsoft cloud, with the emulator's clock (SAM Desk's clock follows
 * it): healthy → expiring → dead (700082) → reconsent → healthy; revoked grants; a token without MFA; Key Vault and
 * the keychain holding different tokens; offline. Real msal-node, SecretClient, keychain and Partner Center calls.
 */
let cloud: LocalCloud;
let services: SamDeskServices;
let profileId: string;
const keychain = createKeychain(`SAM Desk health test ${randomUUID()}`);
const directory = mkdtempSync(join(tmpdir(), 'sam-desk-health-'));
const DAY = 86_400;


beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 41, customers: 5, maxUsersPerCustomer: 3 } });
  services = createSamDeskServices({
    userDataDirectory: directory,
    vault: keychain,
    openBrowser: (url) => followSignIn(url, cloud.state.world.admins[0] ?? expect.fail('no admin')),
    now: () => cloud.state.clock.now(),
    loopbackPages: { success: 'ok', failure: 'no' },
  });
  const { input, secrets } = localCloudProfile(cloud, { displayName: 'Health test partner', keyVaultSecret: 'HealthRefreshToken' });
  const created = await services.profiles.create(input, secrets);
  if (!created.ok) expect.fail(JSON.stringify(created.errors));
  profileId = created.profile.id;
});
afterAll(async () => {
  for (const account of Object.values(secretAccounts)) await keychain.delete(account(profileId));
  await cloud.close();
});

const consent = async () => expect(await services.consent.consent(profileId, { openBrowser: true })).toMatchObject({ state: 'succeeded' });
const check = (refresh = false, probe?: boolean) => services.health.check(profileId, { refresh, ...(probe === undefined ? {} : { probe }) });

describe('token health', () => {
  it('is unknown before any check, and healthy after a consent and a check', async () => {
    expect((await services.health.entry(profileId)).assessment).toMatchObject({ state: 'unknown', action: 'check-now' });
    await consent();
    const entry = await check(true);
    expect(entry.assessment).toMatchObject({ state: 'healthy', action: 'none', daysLeft: 90, mfa: true, keyVaultInSync: true });
    expect(entry.facts.partnerCenterProbe?.value).toEqual({ ok: true });
    expect(entry.facts.keyVaultVersions?.value.length).toBeGreaterThanOrEqual(2);
    expect(entry.facts.keyVaultVersions?.value[0]?.tags).toMatchObject({ writtenBy: 'SAM Desk', appId: cloud.state.world.app.clientId });
  });

  it('walks healthy → expiring → dead (700082) → one reconsent → healthy, on the emulator’s clock', async () => {
    cloud.state.clock.advance(80 * DAY);
    // Without a probe (which would redeem, and so restart the window): 80 days and a few seconds after the token was
    // issued, 10 days are left, counted up to whole days.
    expect((await check(false, false)).assessment).toMatchObject({ state: 'expiring', action: 'refresh-now', daysLeft: 10 });
    cloud.state.clock.advance(11 * DAY);
    const dead = await check(true);
    expect(dead.assessment).toMatchObject({ state: 'dead', action: 'reconsent', lastError: 'refresh-token-expired' });
    await consent();
    expect((await check()).assessment).toMatchObject({ state: 'healthy', daysLeft: 90 });
  });

  it('calls a revoked grant (50173) dead', async () => {
    cloud.state.revokedAt.set(cloud.state.world.admins[0]?.id ?? '', cloud.state.clock.nowSeconds() + 1);
    cloud.state.clock.advance(2);
    expect((await check(true)).assessment).toMatchObject({ state: 'dead', action: 'reconsent', lastError: 'grant-revoked' });
    cloud.state.revokedAt.clear();
    await consent();
    expect((await check(true)).assessment.state).toBe('healthy');
  });

  it('needs action when the keychain holds a different token than Key Vault, and Refresh now puts them back in sync', async () => {
    await keychain.set(secretAccounts.refreshToken(profileId), 'an-older-refresh-token-left-behind');
    expect((await check()).assessment).toMatchObject({ state: 'action-needed', action: 'refresh-now', keyVaultInSync: false });
    expect((await check(true)).assessment).toMatchObject({ state: 'healthy', keyVaultInSync: true });
  });

  it('needs action for a refresh token without MFA (written by another tool): no MFA claim, Partner Center 900421', async () => {
    const admin = cloud.state.world.admins[1] ?? expect.fail('no admin without MFA');
    const app = new ConfidentialClientApplication({ auth: { clientId: cloud.state.world.app.clientId, clientSecret: cloud.state.world.app.clientSecret, authority: `${cloud.endpoints.entra}/${cloud.state.world.partner.tenantId}`, knownAuthorities: [new URL(cloud.endpoints.entra).host] } });
    const pkce = await new CryptoProvider().generatePkceCodes();
    const scopes = ['https://api.partnercenter.microsoft.com/user_impersonation'];
    const url = await app.getAuthCodeUrl({ scopes, redirectUri: 'http://localhost', codeChallenge: pkce.challenge, codeChallengeMethod: 'S256' });
    const { redirectedTo } = await driveSignIn(url, { userPrincipalName: admin.userPrincipalName, password: admin.password });
    await app.acquireTokenByCode({ code: redirectedTo.searchParams.get('code') ?? '', scopes, redirectUri: 'http://localhost', codeVerifier: pkce.verifier });
    const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
    const withoutMfa = Object.values(cache.RefreshToken)[0]?.secret ?? expect.fail('no refresh token');
    await keychain.set(secretAccounts.refreshToken(profileId), withoutMfa);
    // Key Vault is the shared truth the token service reads first: the other tool wrote there too.
    const { SecretClient } = await import('@azure/keyvault-secrets');
    const { ClientSecretCredential } = await import('@azure/identity');
    await new SecretClient(cloud.endpoints.keyVault, new ClientSecretCredential(cloud.state.world.partner.tenantId, cloud.state.world.app.clientId, cloud.state.world.app.clientSecret, { authorityHost: cloud.endpoints.entra, disableInstanceDiscovery: true }), { disableChallengeResourceVerification: true }).setSecret('HealthRefreshToken', withoutMfa);
    const entry = await check(true);
    expect(entry.assessment).toMatchObject({ state: 'action-needed', action: 'reconsent', mfa: false });
    expect(entry.facts.partnerCenterProbe?.value).toEqual({ ok: false, error: 'partner-center-mfa-required' });
    await consent();
    expect((await check(true)).assessment.state).toBe('healthy');
  });

  it('records every event in the audit log without a secret, and keeps no token in its files', async () => {
    const events = await services.audit.read({ profileId });
    const kinds = new Set(events.map((event) => event.kind));
    for (const kind of ['consent', 'reconsent', 'rotation', 'failure', 'health-check'] as const) expect(kinds).toContain(kind);
    expect(events.find((event) => event.kind === 'failure')?.code).toBeDefined();
    const stored = await keychain.get(secretAccounts.refreshToken(profileId));
    for (const file of ['audit.jsonl', 'health.json']) {
      const text = readFileSync(join(directory, file), 'utf8');
      expect(text).not.toContain(stored ?? 'no token');
      expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
  });

  it('says in the audit log when a reconsent changed whose identity the token carries, and only then', async () => {
    const admin = cloud.state.world.admins[0]?.userPrincipalName ?? expect.fail('no admin');
    const reconsentAs = (user: string) =>
      services.health.recordConsent({
        profileId,
        state: 'succeeded',
        saved: { keyVault: { status: 'saved' }, keychain: { status: 'saved' }, keyVaultRetryPending: false },
        summary: { user, tenantId: cloud.state.world.partner.tenantId, audience: 'https://api.partnercenter.microsoft.com', scopes: ['user_impersonation'], mfa: true, expiresAt: cloud.state.clock.now().toISOString() },
      });
    // The log reads newest first.
    const lastReconsent = async () => (await services.audit.read({ profileId })).find((event) => event.kind === 'reconsent');
    await reconsentAs(admin.toUpperCase());
    expect((await lastReconsent())?.facts).not.toHaveProperty('previousUser');
    await reconsentAs('it.helpdesk@contoso-partner.onmicrosoft.com');
    expect((await lastReconsent())?.facts).toMatchObject({ user: 'it.helpdesk@contoso-partner.onmicrosoft.com', previousUser: admin.toUpperCase() });
    await reconsentAs(admin);
    expect((await lastReconsent())?.facts).toMatchObject({ user: admin, previousUser: 'it.helpdesk@contoso-partner.onmicrosoft.com' });
  });

  it('is unknown when offline, with the last known facts still shown', async () => {
    await cloud.close();
    await services.tokens.forget(profileId);
    const entry = await check(true);
    expect(entry.assessment).toMatchObject({ state: 'unknown', action: 'check-now', mfa: true, keyVaultInSync: true });
    expect(entry.assessment.reasons.map((reason) => reason.reason)).toContain('offline');
    expect(entry.facts.lastCheck?.value).toBe('offline');
    expect((await services.health.list())[0]?.assessment.state).toBe('unknown');
  });
});
