import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CryptoProvider } from '@azure/msal-node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { driveSignIn } from '../../../emulators/testing/sign-in-driver';
import { endpointsFor } from '../../../shared/profiles/clouds';
import type { Profile } from '../../../shared/profiles/profile';
import { localCloudProfileRecord } from '../../testing/local-cloud-profile';
import { defaultServices } from '../default-services';
import { knownSecrets } from '../known-secrets';
import { createLogger } from '../logger';
import { createKeychain } from '../secrets/keychain';
import { rememberingVault } from '../secrets/remembering-vault';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { cachedRefreshToken, createMsalApp, partnerCenterScope } from './msal-app';

/**
 * Every secret main learns is one the logger redacts: read through the keychain, and obtained or redeemed through
 * msal-node, against the local Entra ID and the real keychain. Each value is checked unknown before, known after.
 */
let cloud: LocalCloud;
let keychain: SecretVault;
let profile: Profile;

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 31, customers: 1, maxUsersPerCustomer: 1 } });
  keychain = createKeychain(`SAM Desk secrets test ${randomUUID()}`);
});
afterAll(() => cloud.close());
beforeEach(async () => {
  cloud.state.reset();
  cloud.entra.reset();
  profile = localCloudProfileRecord(cloud, { displayName: 'Secrets test partner', secretName: 'SecretsTestRefreshToken' });
  // Written behind SAM Desk's back (as by an earlier run): not yet a secret this process knows.
  await keychain.set(secretAccounts.clientSecret(profile.id), cloud.state.world.app.clientSecret);
});
afterEach(async () => {
  for (const account of Object.values(secretAccounts)) await keychain.delete(account(profile.id));
});

function expectLearned(values: ReadonlyArray<string | null | undefined>, learn: () => Promise<unknown>): Promise<void> {
  for (const value of values) expect(value && knownSecrets.knows(value)).toBeFalsy();
  return learn().then(() => {
    for (const value of values) expect(value && knownSecrets.knows(value), String(value).slice(0, 12)).toBe(true);
  });
}

const REDIRECT_URI = 'http://localhost:8400/';
const scopes = () => [partnerCenterScope(profile), 'offline_access'];

/** A refresh token from Entra that never passed through msal (as one read from Key Vault, written by another machine). */
async function refreshTokenFromElsewhere(refreshToken: string): Promise<string> {
  const form = new URLSearchParams({ client_id: profile.clientId, client_secret: cloud.state.world.app.clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken, scope: `${scopes().join(' ')} openid profile` });
  const response = await fetch(`${cloud.endpoints.entra}/${profile.tenantId}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  const body = (await response.json()) as { refresh_token?: string };
  return body.refresh_token ?? expect.fail('no refresh token');
}

describe('secrets main learns are redacted from every log line', () => {
  it('the client secret and certificate password read from or written to the keychain', async () => {
    const vault = rememberingVault(keychain);
    const clientSecret = cloud.state.world.app.clientSecret;
    await expectLearned([clientSecret], () => loadAppCredential(profile, vault));
    const password = `pfx-${randomUUID().slice(0, 8)}`;
    await expectLearned([password], () => vault.set(secretAccounts.certificatePassword(profile.id), password));
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).info('credential.loaded', { note: `secret ${clientSecret} password ${password}` });
    expect(lines.join('')).toContain('secret [redacted] password [redacted]');
  });

  it("the app's own vault is the remembering one (the desktop app, browser mode and the CLI all build it)", async () => {
    const services = defaultServices(() => undefined, { SAM_DESK_HOME: mkdtempSync(join(tmpdir(), 'sam-desk-secrets-')) });
    const account = `secrets-test:${randomUUID()}`;
    const value = `typed-${randomUUID().slice(0, 12)}`;
    try {
      await expectLearned([value], () => services.vault.set(account, value));
    } finally {
      await services.vault.delete(account);
    }
  });

  it('the code, access, ID and refresh tokens of a consent; the refresh token redeemed and its successor; an app-only token', async () => {
    const credential = await loadAppCredential(profile, keychain);
    const pkce = await new CryptoProvider().generatePkceCodes();
    const consentApp = createMsalApp(profile, credential);
    const signInUrl = await consentApp.getAuthCodeUrl({ scopes: scopes(), redirectUri: REDIRECT_URI, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256' });
    const admin = cloud.state.world.admins[0] ?? expect.fail('no admin');
    const { redirectedTo } = await driveSignIn(signInUrl, { userPrincipalName: admin.userPrincipalName, password: admin.password, mfaCode: admin.mfaCode });
    const code = redirectedTo.searchParams.get('code') ?? expect.fail('no code');
    let consented: { accessToken: string; idToken: string; refreshToken: string | null } | undefined;
    await expectLearned([code], async () => {
      const result = await consentApp.acquireTokenByCode({ code, scopes: scopes(), redirectUri: REDIRECT_URI, codeVerifier: pkce.verifier });
      consented = { accessToken: result.accessToken, idToken: result.idToken, refreshToken: cachedRefreshToken(consentApp) };
    });
    for (const token of [consented?.accessToken, consented?.idToken, consented?.refreshToken]) expect(token && knownSecrets.knows(token)).toBe(true);

    const stored = await refreshTokenFromElsewhere(consented?.refreshToken ?? '');
    const redemptionApp = createMsalApp(profile, credential);
    await expectLearned([stored], async () => {
      const result = await redemptionApp.acquireTokenByRefreshToken({ refreshToken: stored, scopes: [partnerCenterScope(profile)], forceCache: true });
      const rotated = cachedRefreshToken(redemptionApp);
      expect(rotated).not.toBe(stored);
      for (const token of [result?.accessToken, rotated]) expect(token && knownSecrets.knows(token)).toBe(true);
    });

    const graph = await createMsalApp(profile, credential).acquireTokenByClientCredential({ scopes: [`${endpointsFor(profile.cloud).graphResource}/.default`] });
    expect(graph?.accessToken && knownSecrets.knows(graph.accessToken)).toBe(true);
  });
});
