import { localCloudProfileRecord } from '../../testing/local-cloud-profile';
import { randomUUID } from 'node:crypto';
import { SecretClient } from '@azure/keyvault-secrets';
import { ClientSecretCredential } from '@azure/identity';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { servicePrincipalId } from '../../../emulators/entra/token-endpoint';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { driveSignIn } from '../../../emulators/testing/sign-in-driver';
import type { Profile } from '../../../shared/profiles/profile';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import type { ConsentProgress } from './consent-steps';
import { createConsentService, type ConsentDeps } from './consent-service';
import { decodeJwtClaims } from './jwt-claims';
import { readRefreshTokenFromKeyVault, writeRefreshTokenToKeyVault } from './key-vault-store';
import { loadAppCredential } from './app-credential';
import { retryKeyVaultWrite } from './key-vault-retry';
import { createTokenService } from './token-service';

/**
 * The Secure Application Model core against the local Microsoft cloud, through the real msal-node, the real
 * SecretClient and the real OS keychain (gnome-keyring in CI). The "browser" is the HTTP sign-in driver: it walks
 * the emulator's pages and then follows the redirect to SAM Desk's loopback listener, as a browser would.
 */
let cloud: LocalCloud;
let keychain: SecretVault;
let profile: Profile;
const SECRET_NAME = 'PartnerCenterRefreshToken';

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 11, customers: 20, maxUsersPerCustomer: 3 } });
  keychain = createKeychain(`SAM Desk test ${randomUUID()}`);
});
afterAll(() => cloud.close());

beforeEach(async () => {
  cloud.state.reset();
  cloud.entra.reset();
  cloud.keyVault.reset();
  const { world } = cloud.state;
  profile = localCloudProfileRecord(cloud, { displayName: 'Contoso Partner (local cloud)', secretName: SECRET_NAME });
  await keychain.set(secretAccounts.clientSecret(profile.id), world.app.clientSecret);
});
afterEach(async () => {
  for (const account of Object.values(secretAccounts)) await keychain.delete(account(profile.id));
});

const admin = (mfa = true) => cloud.state.world.admins[mfa ? 0 : 1] ?? expect.fail('no admin');

/** A browser that signs in as the given admin and lands on SAM Desk's loopback redirect. */
function browserSigningIn(user = admin(), tamper?: (redirect: URL) => URL): (url: string) => void {
  return (url) => {
    void (async () => {
      const { redirectedTo } = await driveSignIn(url, { userPrincipalName: user.userPrincipalName, password: user.password, mfaCode: user.mfaCode });
      await fetch(tamper ? tamper(redirectedTo) : redirectedTo).catch(() => undefined);
    })();
  };
}

function consentService(openBrowser: (url: string) => void, overrides: Partial<ConsentDeps> = {}) {
  return createConsentService({
    getProfile: async () => profile,
    vault: keychain,
    openBrowser,
    now: () => new Date(),
    pages: { success: 'Signed in. Go back to SAM Desk.', failure: 'This sign-in did not work.' },
    ...overrides,
  });
}

const vaultClient = () =>
  new SecretClient(cloud.endpoints.keyVault, new ClientSecretCredential(cloud.state.world.partner.tenantId, cloud.state.world.app.clientId, cloud.state.world.app.clientSecret, { authorityHost: cloud.endpoints.entra, disableInstanceDiscovery: true }), {
    disableChallengeResourceVerification: true,
  });

async function vaultVersions(): Promise<string[]> {
  const values: string[] = [];
  for await (const properties of vaultClient().listPropertiesOfSecretVersions(SECRET_NAME)) {
    values.push((await vaultClient().getSecret(SECRET_NAME, { version: properties.version ?? '' })).value ?? '');
  }
  return values;
}

describe('consent', () => {
  it('signs in with MFA, checks the token, and saves the refresh token to Key Vault (tagged) and the keychain', async () => {
    const progress: ConsentProgress[] = [];
    const outcome = await consentService(browserSigningIn()).consent(profile.id, { onProgress: (event) => progress.push(event) });
    expect(outcome).toMatchObject({ state: 'succeeded', summary: { user: admin().userPrincipalName, mfa: true, scopes: ['user_impersonation'] }, saved: { keyVault: { status: 'saved' }, keychain: { status: 'saved' }, keyVaultRetryPending: false } });
    expect(progress.flatMap((event) => (event.state === 'step' ? [event.step] : []))).toEqual(['waiting-for-sign-in', 'exchanging-code', 'checking-mfa', 'saving-to-keychain', 'saving-to-key-vault']);
    const signInUrl = progress[0]?.state === 'step' ? progress[0].signInUrl : undefined;
    expect(new URL(signInUrl ?? '').searchParams.get('prompt')).toBe('login');
    expect(new URL(signInUrl ?? '').searchParams.get('code_challenge_method')).toBe('S256');

    const stored = await keychain.get(secretAccounts.refreshToken(profile.id));
    expect(stored).toMatch(/^0\.A/);
    const latest = await vaultClient().getSecret(SECRET_NAME);
    expect(latest.value).toBe(stored);
    expect(latest.properties.tags).toMatchObject({ user: admin().userPrincipalName, tenantId: cloud.state.world.partner.tenantId, appId: profile.clientId });
  });

  it('signs in through the in-app window when asked, handing it the loopback redirect', async () => {
    let systemBrowserOpened = false;
    let windowRedirect = '';
    const service = consentService(() => (systemBrowserOpened = true), {
      openSignInWindow: (url, redirectUri) => {
        windowRedirect = redirectUri;
        browserSigningIn()(url);
      },
    });
    const outcome = await service.consent(profile.id, { inAppWindow: true });
    expect(outcome.state).toBe('succeeded');
    expect(systemBrowserOpened).toBe(false);
    expect(windowRedirect).toMatch(/^http:\/\/localhost:\d+\/$/);
  });

  it('ignores a callback with the wrong state and completes with the right one', async () => {
    let strayStatus = 0;
    const outcome = await consentService((url) => {
      void (async () => {
        const redirect = new URL(new URL(url).searchParams.get('redirect_uri') ?? '');
        strayStatus = (await fetch(`${redirect.origin}/?code=stolen&state=wrong`)).status;
        browserSigningIn()(url);
      })();
    }).consent(profile.id);
    expect(strayStatus).toBe(400);
    expect(outcome.state).toBe('succeeded');
  });

  it('refuses a replayed authorization code', async () => {
    let firstRedirect: URL | undefined;
    await consentService(browserSigningIn(admin(), (redirect) => ((firstRedirect = redirect), redirect))).consent(profile.id);
    const replay = await consentService(browserSigningIn(admin(), (redirect) => {
      const replayed = new URL(redirect);
      replayed.searchParams.set('code', firstRedirect?.searchParams.get('code') ?? '');
      return replayed;
    })).consent(profile.id);
    expect(replay).toMatchObject({ state: 'failed', error: 'code-invalid' });
  });

  it('ends on cancel, on the sign-in page’s Cancel, and on timeout, storing nothing', async () => {
    const service = consentService(() => undefined);
    const cancelled = service.consent(profile.id, { onProgress: (event) => event.state === 'step' && service.cancel(profile.id) });
    expect(await cancelled).toMatchObject({ state: 'failed', error: 'consent-cancelled' });
    const denied = await consentService((url) => {
      void driveSignIn(url, { userPrincipalName: '', password: '', cancelSignIn: true }).then(({ redirectedTo }) => fetch(redirectedTo));
    }).consent(profile.id);
    expect(denied).toMatchObject({ state: 'failed', error: 'consent-denied' });
    expect(await consentService(() => undefined, { timeoutMs: 300 }).consent(profile.id)).toMatchObject({ state: 'failed', error: 'consent-timeout' });
    expect(await keychain.get(secretAccounts.refreshToken(profile.id))).toBeNull();
  });

  it('refuses a sign-in without MFA, explaining why, and stores nothing', async () => {
    const outcome = await consentService(browserSigningIn(admin(false))).consent(profile.id);
    expect(outcome).toMatchObject({ state: 'failed', error: 'token-without-mfa', detail: { user: admin(false).userPrincipalName } });
    expect(await keychain.get(secretAccounts.refreshToken(profile.id))).toBeNull();
    await expect(vaultClient().getSecret(SECRET_NAME)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('keeps the token in the keychain when Key Vault refuses (403 names the permission) and offers a retry', async () => {
    cloud.state.keyVaultPermissions.set(servicePrincipalId(profile.clientId), new Set(['get', 'list']));
    const outcome = await consentService(browserSigningIn()).consent(profile.id);
    expect(outcome).toMatchObject({ state: 'succeeded', saved: { keyVault: { status: 'failed', error: 'key-vault-forbidden', detail: { permission: 'set' } }, keychain: { status: 'saved' }, keyVaultRetryPending: true } });
    expect(await keychain.get(secretAccounts.refreshToken(profile.id))).toMatch(/^0\.A/);
    cloud.state.keyVaultPermissions.clear();
    expect(await retryKeyVaultWrite(profile, keychain, new Date())).toMatch(/^[0-9a-f]{32}$/);
    expect((await vaultClient().getSecret(SECRET_NAME)).value).toBe(await keychain.get(secretAccounts.refreshToken(profile.id)));
  });

  it('writes to Key Vault as the admin who consented, when the profile says so (the app has no vault access)', async () => {
    profile = { ...profile, keyVault: { vaultUrl: cloud.endpoints.keyVault, secretName: SECRET_NAME, access: 'admin' } };
    cloud.state.keyVaultPermissions.set(servicePrincipalId(profile.clientId), new Set());
    const progress: ConsentProgress[] = [];
    const outcome = await consentService(browserSigningIn()).consent(profile.id, { onProgress: (event) => progress.push(event) });
    expect(outcome).toMatchObject({ state: 'succeeded', saved: { keyVault: { status: 'saved' }, keychain: { status: 'saved' } } });
    const signInUrl = progress[0]?.state === 'step' ? (progress[0].signInUrl ?? '') : '';
    expect(new URL(signInUrl).searchParams.get('scope')).toContain('https://vault.azure.net/user_impersonation');
    expect(cloud.keyVault.versionCount(SECRET_NAME)).toBe(1);
    const tokens = createTokenService({ getProfile: async () => profile, vault: keychain, now: () => new Date() });
    expect((await tokens.acquire(profile.id)).refreshedFrom).toBe('key-vault');
    expect(cloud.keyVault.versionCount(SECRET_NAME)).toBe(2);
    // The same refresh token serves Key Vault too: the admin consented to it in the same sign-in.
    const vaultToken = await tokens.acquire(profile.id, { resource: 'https://vault.azure.net' });
    expect(decodeJwtClaims(vaultToken.token)).toMatchObject({ aud: 'https://vault.azure.net', upn: admin().userPrincipalName });
    expect(cloud.keyVault.versionCount(SECRET_NAME)).toBe(3);
  });

  it('never loses the token when Key Vault fails mid-write, even for a Key Vault-only profile', async () => {
    profile = { ...profile, keychain: false };
    cloud.state.faults.add({ service: 'keyvault', method: 'PUT', path: '/secrets/', fault: { type: 'status', status: 500 }, remaining: 10 });
    const outcome = await consentService(browserSigningIn()).consent(profile.id);
    expect(outcome).toMatchObject({ state: 'succeeded', saved: { keyVault: { status: 'failed', error: 'key-vault-failed' }, keychain: { status: 'kept-as-fallback' } } });
    const kept = await keychain.get(secretAccounts.refreshToken(profile.id));
    expect(kept).toMatch(/^0\.A/);
    cloud.state.faults.clear();
    await retryKeyVaultWrite(profile, keychain, new Date());
    expect((await vaultClient().getSecret(SECRET_NAME)).value).toBe(kept);
    // The profile does not use the keychain: the safety copy goes once Key Vault has the token.
    expect(await keychain.get(secretAccounts.refreshToken(profile.id))).toBeNull();
  });
});

describe('access tokens', () => {
  async function consented(): Promise<void> {
    expect((await consentService(browserSigningIn()).consent(profile.id)).state).toBe('succeeded');
  }
  const tokens = () => createTokenService({ getProfile: async () => profile, vault: keychain, now: () => new Date() });

  it('redeems once for 50 concurrent callers and stores the rotated refresh token before handing out the access token', async () => {
    await consented();
    const before = await keychain.get(secretAccounts.refreshToken(profile.id));
    const service = tokens();
    const results = await Promise.all(Array.from({ length: 50 }, () => service.acquire(profile.id)));
    expect(service.redemptionCount(profile.id)).toBe(1);
    expect(new Set(results.map((result) => result.token)).size).toBe(1);
    const after = await keychain.get(secretAccounts.refreshToken(profile.id));
    expect(after).not.toBe(before);
    const versions = await vaultVersions();
    expect(versions).toHaveLength(2);
    expect(versions).toContain(after);
    expect((await vaultClient().getSecret(SECRET_NAME)).value).toBe(after);
    expect((await service.acquire(profile.id)).refreshedFrom).toBe('memory');
  });

  it.each([
    ['90 days of inactivity', 'refresh-token-expired', () => cloud.state.clock.advance(91 * 86_400)],
    ['revoked grants', 'grant-revoked', () => cloud.state.revokedAt.set(admin().id, cloud.state.clock.nowSeconds())],
    ['consent withdrawn', 'consent-missing', () => cloud.entra.consents.clear()],
    ['an expired client secret', 'client-secret-expired', () => (cloud.state.settings.clientSecretExpired = true)],
  ])('maps %s to %s', async (_name, code, breakIt) => {
    await consented();
    breakIt();
    await expect(tokens().acquire(profile.id)).rejects.toMatchObject({ code });
  });

  it.each([
    ['as documented, its description’s trace id, correlation id and timestamp on lines of their own', null],
    ['without error_codes, as older bodies come', { type: 'patch-json', remove: ['error_codes'] }],
    ['after a UTF-8 byte-order mark', { type: 'byte-order-mark' }],
  ] as const)('reads Entra’s error body %s', async (_name, fault) => {
    await consented();
    cloud.state.revokedAt.set(admin().id, cloud.state.clock.nowSeconds());
    if (fault) cloud.state.faults.add({ service: 'entra', method: 'POST', bodyContains: 'grant_type=refresh_token', fault, remaining: 10 });
    await expect(tokens().acquire(profile.id)).rejects.toMatchObject({ code: 'grant-revoked', detail: { aadsts: 50173 } });
  });

  it('redeems through answers that start with a UTF-8 byte-order mark: Entra’s tokens, the app’s own sign-in, Key Vault’s secrets', async () => {
    await consented();
    cloud.state.faults.add({ service: 'keyvault', fault: { type: 'byte-order-mark' }, remaining: 1_000 });
    cloud.state.faults.add({ service: 'entra', method: 'POST', fault: { type: 'byte-order-mark' }, remaining: 1_000 });
    const redeemed = await tokens().acquire(profile.id);
    expect(redeemed).toMatchObject({ refreshedFrom: 'key-vault', saved: { keyVault: { status: 'saved' }, keychain: { status: 'saved' } } });
    cloud.state.faults.clear();
    expect((await vaultClient().getSecret(SECRET_NAME)).value).toBe(await keychain.get(secretAccounts.refreshToken(profile.id)));
  });

  it('tells a missing secret and a refusal from Key Vault apart after a byte-order mark', async () => {
    cloud.state.faults.add({ service: 'keyvault', fault: { type: 'byte-order-mark' }, remaining: 1_000 });
    const credential = (await loadAppCredential(profile, keychain)).keyVaultCredential();
    expect(await readRefreshTokenFromKeyVault(profile, credential)).toBeNull();
    cloud.state.keyVaultPermissions.set(servicePrincipalId(cloud.state.world.app.clientId), new Set(['get']));
    await expect(writeRefreshTokenToKeyVault(profile, credential, '0.Atoken', { user: 'u', tenantId: 't', appId: 'a', obtainedAt: 'now' })).rejects.toMatchObject({ code: 'key-vault-forbidden', detail: { permission: 'set' } });
  });
});
