import { ConfidentialClientApplication, CryptoProvider, type AuthenticationResult } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloudState } from '../core/cloud-state';
import type { CloudEndpoints } from '../core/endpoints';
import { startService, type ServiceServer } from '../core/http';
import { ensureTlsMaterial } from '../core/tls-certificate';
import { TLS_DIRECTORY } from '../testing/global-setup';
import { driveSignIn } from '../testing/sign-in-driver';
import { EntraState } from './entra-state';
import { entraRoutes } from './routes';

/** The real msal-node against the Entra emulator: the Secure Application Model's consent and refresh, end to end. */
const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
const REDIRECT_URI = 'http://localhost:53124/';

let cloud: CloudState;
let entra: EntraState;
let server: ServiceServer;
const endpoints: CloudEndpoints = { entra: '', keyVault: '', partnerCenter: '', graph: '', control: '' };

beforeAll(async () => {
  cloud = await CloudState.create({ seed: 7, customers: 5, maxUsersPerCustomer: 3 });
  entra = new EntraState(cloud);
  server = await startService({ name: 'entra', port: 0, tls: await ensureTlsMaterial(TLS_DIRECTORY), faults: cloud.faults, routes: entraRoutes(cloud, entra, endpoints) });
  endpoints.entra = server.origin;
});
afterAll(() => server.close());
beforeEach(() => {
  cloud.reset();
  entra.reset();
});

function msalApp(clientId = cloud.world.app.clientId, clientSecret = cloud.world.app.clientSecret): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId, clientSecret, authority: `${endpoints.entra}/${cloud.world.partner.tenantId}`, knownAuthorities: [new URL(endpoints.entra).host] },
  });
}

const adminWithMfa = () => cloud.world.admins[0] ?? expect.fail('no admin');
const adminWithoutMfa = () => cloud.world.admins[1] ?? expect.fail('no admin');

/** Consent as an admin through the sign-in pages; returns msal's result and the refresh token from its cache. */
async function consent(admin = adminWithMfa(), app = msalApp(), prompt?: 'login') {
  const pkce = await new CryptoProvider().generatePkceCodes();
  const url = await app.getAuthCodeUrl({ scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256', state: 'state-123', ...(prompt ? { prompt } : {}) });
  const outcome = await driveSignIn(url, { userPrincipalName: admin.userPrincipalName, password: admin.password, mfaCode: admin.mfaCode });
  expect(outcome.redirectedTo.searchParams.get('state')).toBe('state-123');
  const code = outcome.redirectedTo.searchParams.get('code') ?? expect.fail(`no code: ${outcome.redirectedTo.search}`);
  const result = await app.acquireTokenByCode({ code, scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeVerifier: pkce.verifier });
  return { result, refreshToken: refreshTokenIn(app), pages: outcome.pages, pkce };
}

function refreshTokenIn(app: ConfidentialClientApplication): string {
  const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
  const [entry] = Object.values(cache.RefreshToken);
  return entry?.secret ?? expect.fail('no refresh token in the msal cache');
}

async function refreshFails(refreshToken: string, app = msalApp()): Promise<string> {
  try {
    await app.acquireTokenByRefreshToken({ refreshToken, scopes: [PARTNER_CENTER_SCOPE] });
  } catch (error) {
    return String((error as { errorMessage?: string }).errorMessage ?? error);
  }
  return expect.fail('the refresh succeeded');
}

describe('Entra emulator with the real msal-node', () => {
  it('signs an admin in with MFA and consent, and issues Partner Center tokens msal accepts', async () => {
    const { result, refreshToken, pages } = await consent();
    expect(pages).toEqual(['signin', 'mfa', 'consent']);
    const claims = decodeJwt(result.accessToken);
    expect(claims).toMatchObject({ aud: 'https://api.partnercenter.microsoft.com', tid: cloud.world.partner.tenantId, upn: adminWithMfa().userPrincipalName, scp: 'user_impersonation', ver: '1.0', appid: cloud.world.app.clientId });
    expect(claims.amr).toEqual(['pwd', 'mfa']);
    expect(result.account?.homeAccountId).toBe(`${adminWithMfa().id}.${cloud.world.partner.tenantId}`);
    expect(result.idTokenClaims).toMatchObject({ preferred_username: adminWithMfa().userPrincipalName, ver: '2.0' });
    expect(refreshToken).toMatch(/^0\.A[\w-]{500,}$/);
  });

  it('rotates the refresh token on every redemption; the predecessor is not revoked at once', async () => {
    const { refreshToken } = await consent();
    const app = msalApp();
    // forceCache: a fresh msal instance has no account yet, and only caches (exposes) the rotated token when told to.
    const refreshed = (await app.acquireTokenByRefreshToken({ refreshToken, scopes: [PARTNER_CENTER_SCOPE], forceCache: true })) as AuthenticationResult;
    expect(decodeJwt(refreshed.accessToken).amr).toEqual(['pwd', 'mfa']);
    const rotated = refreshTokenIn(app);
    expect(rotated).not.toBe(refreshToken);
    expect(await msalApp().acquireTokenByRefreshToken({ refreshToken: rotated, scopes: [PARTNER_CENTER_SCOPE] })).not.toBeNull();
    expect(await msalApp().acquireTokenByRefreshToken({ refreshToken, scopes: [PARTNER_CENTER_SCOPE] })).not.toBeNull();
  });

  it('a user without MFA gets a token without mfa in amr, and skips the code step', async () => {
    const { result, pages } = await consent(adminWithoutMfa());
    expect(pages).toEqual(['signin', 'consent']);
    expect(decodeJwt(result.accessToken).amr).toEqual(['pwd']);
  });

  it('asks for consent once, reuses the browser session, and honours prompt=login', async () => {
    const app = msalApp();
    const cookies = new Map<string, string>();
    const admin = adminWithMfa();
    const start = (prompt?: 'login') => app.getAuthCodeUrl({ scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, ...(prompt ? { prompt } : {}) });
    const answers = { userPrincipalName: admin.userPrincipalName, password: admin.password, mfaCode: admin.mfaCode, cookies };
    expect((await driveSignIn(await start(), answers)).pages).toEqual(['signin', 'mfa', 'consent']);
    expect((await driveSignIn(await start(), answers)).pages).toEqual([]);
    expect((await driveSignIn(await start('login'), answers)).pages).toEqual(['signin', 'mfa']);
  });

  it('verifies PKCE, refuses a second redemption of a code, and reports cancel as access_denied', async () => {
    const app = msalApp();
    const pkce = await new CryptoProvider().generatePkceCodes();
    const admin = adminWithoutMfa();
    const url = await app.getAuthCodeUrl({ scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256' });
    const code = (await driveSignIn(url, { userPrincipalName: admin.userPrincipalName, password: admin.password })).redirectedTo.searchParams.get('code') ?? '';
    await expect(app.acquireTokenByCode({ code, scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeVerifier: 'x'.repeat(43) })).rejects.toMatchObject({ errorMessage: expect.stringContaining('501481') as unknown });
    const again = await app.getAuthCodeUrl({ scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256' });
    const second = (await driveSignIn(again, { userPrincipalName: admin.userPrincipalName, password: admin.password })).redirectedTo.searchParams.get('code') ?? '';
    await app.acquireTokenByCode({ code: second, scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeVerifier: pkce.verifier });
    await expect(app.acquireTokenByCode({ code: second, scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeVerifier: pkce.verifier })).rejects.toMatchObject({ errorMessage: expect.stringContaining('54005') as unknown });
    const cancelled = await driveSignIn(await app.getAuthCodeUrl({ scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, state: 's' }), { userPrincipalName: '', password: '', cancelSignIn: true });
    expect(Object.fromEntries(cancelled.redirectedTo.searchParams)).toMatchObject({ error: 'access_denied', state: 's' });
  });

  it('shows AADSTS50011 on its own page for an unregistered redirect URI', async () => {
    const url = await msalApp().getAuthCodeUrl({ scopes: [PARTNER_CENTER_SCOPE], redirectUri: 'https://evil.example/callback' });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('AADSTS50011');
  });

  it.each([
    ['90 days of inactivity', '700082', () => cloud.clock.advance(91 * 86_400)],
    ['revoked grants (password reset)', '50173', () => cloud.revokedAt.set(adminWithMfa().id, cloud.clock.nowSeconds())],
    ['a grant expired by the directory', '70008', () => entra.refreshTokens.forEach((grant) => (grant.expired = true))],
    [
      'Conditional Access sign-in frequency',
      '70043',
      () => {
        cloud.settings.signInFrequencySeconds = 3_600;
        cloud.clock.advance(7_200);
      },
    ],
    ['an expired client secret', '7000222', () => (cloud.settings.clientSecretExpired = true)],
  ])('refuses a refresh token after %s with AADSTS%s', async (_name, code, breakIt) => {
    const { refreshToken } = await consent();
    breakIt();
    expect(await refreshFails(refreshToken)).toContain(`AADSTS${code}`);
  });

  it('requires MFA (50076) when Conditional Access demands it and the grant had none', async () => {
    const { refreshToken } = await consent(adminWithoutMfa());
    cloud.settings.tenantRequiresMfa = true;
    expect(await refreshFails(refreshToken)).toContain('AADSTS50076');
  });

  it('refuses a refresh token presented by another app (700007) and a resource never consented (65001)', async () => {
    const { refreshToken } = await consent();
    const other = cloud.world.automationApp;
    expect(await refreshFails(refreshToken, msalApp(other.clientId, other.clientSecret))).toContain('AADSTS700007');
    await expect(msalApp().acquireTokenByRefreshToken({ refreshToken, scopes: ['https://graph.microsoft.com/User.Read'] })).rejects.toMatchObject({ errorMessage: expect.stringContaining('AADSTS65001') as unknown });
  });

  it('issues app-only tokens for client credentials, and rejects a wrong secret with 7000215', async () => {
    const result = await msalApp().acquireTokenByClientCredential({ scopes: ['https://vault.azure.net/.default'] });
    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ aud: 'https://vault.azure.net', idtyp: 'app', appid: cloud.world.app.clientId });
    await expect(msalApp(cloud.world.app.clientId, 'wrong').acquireTokenByClientCredential({ scopes: ['https://vault.azure.net/.default'] })).rejects.toMatchObject({ errorMessage: expect.stringContaining('AADSTS7000215') as unknown });
  });

  it('serves the v1 token endpoint with resource=, as the older samples use it', async () => {
    const { refreshToken } = await consent();
    const response = await fetch(`${endpoints.entra}/${cloud.world.partner.tenantId}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, resource: 'https://api.partnercenter.microsoft.com', client_id: cloud.world.app.clientId, client_secret: cloud.world.app.clientSecret }),
    });
    const body = (await response.json()) as { access_token: string; refresh_token: string };
    expect(response.status).toBe(200);
    expect(decodeJwt(body.access_token).aud).toBe('https://api.partnercenter.microsoft.com');
    expect(body.refresh_token).not.toBe(refreshToken);
  });

  it('publishes the keys that verify its tokens', async () => {
    const { result } = await consent();
    const jwks = (await (await fetch(`${endpoints.entra}/${cloud.world.partner.tenantId}/discovery/v2.0/keys`)).json()) as { keys: Array<{ kid: string }> };
    const header = JSON.parse(Buffer.from(result.accessToken.split('.')[0] ?? '', 'base64url').toString()) as { kid: string };
    expect(jwks.keys.map((key) => key.kid)).toContain(header.kid);
  });
});
