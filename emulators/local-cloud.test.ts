import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_HEADER } from './control/routes';
import { startLocalCloud, type LocalCloud } from './local-cloud';
import { TLS_DIRECTORY } from './testing/global-setup';
import { driveSignIn } from './testing/sign-in-driver';

/**
 * The three emulators together, through the real clients: msal-node consents and refreshes, the Partner Center
 * API pages with the resulting access token, SecretClient keeps the refresh token in Key Vault with an app-only
 * token from @azure/identity, and the control API bends all of it.
 */
const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
const REDIRECT_URI = 'http://localhost:49152/';
let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 42, customers: 10_000, maxUsersPerCustomer: 4 } });
});
afterAll(() => cloud.close());

const world = () => cloud.state.world;
const msal = () =>
  new ConfidentialClientApplication({
    auth: { clientId: world().app.clientId, clientSecret: world().app.clientSecret, authority: `${cloud.endpoints.entra}/${world().partner.tenantId}`, knownAuthorities: [new URL(cloud.endpoints.entra).host] },
  });

async function consentedRefreshToken(): Promise<{ accessToken: string; refreshToken: string }> {
  const app = msal();
  const admin = world().admins[0] ?? expect.fail('no admin');
  const pkce = await new CryptoProvider().generatePkceCodes();
  const url = await app.getAuthCodeUrl({ scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256' });
  const { redirectedTo } = await driveSignIn(url, { userPrincipalName: admin.userPrincipalName, password: admin.password, mfaCode: admin.mfaCode });
  const result = await app.acquireTokenByCode({ code: redirectedTo.searchParams.get('code') ?? '', scopes: [PARTNER_CENTER_SCOPE], redirectUri: REDIRECT_URI, codeVerifier: pkce.verifier });
  const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
  return { accessToken: result.accessToken, refreshToken: Object.values(cache.RefreshToken)[0]?.secret ?? expect.fail('no refresh token') };
}

function control(path: string, method = 'POST', body?: unknown, headers: Record<string, string> = { [CONTROL_HEADER]: '1' }): Promise<Response> {
  return fetch(`${cloud.endpoints.control}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

describe('the local Microsoft cloud', () => {
  it('pages through 10,000 Partner Center customers with a consented access token', async () => {
    const { accessToken } = await consentedRefreshToken();
    const seen = new Set<string>();
    let uri: string | undefined = '/customers?size=500';
    let headers: Record<string, string> = {};
    for (let page = 0; uri && page < 100; page++) {
      const response = await fetch(`${cloud.endpoints.partnerCenter}/v1${uri}`, { headers: { authorization: `Bearer ${accessToken}`, ...headers } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: Array<{ id: string }>; links?: { next?: { uri: string; headers: Array<{ key: string; value: string }> } } };
      for (const item of body.items) seen.add(item.id);
      uri = body.links?.next?.uri;
      headers = Object.fromEntries((body.links?.next?.headers ?? []).map((header) => [header.key, header.value]));
    }
    expect(seen.size).toBe(10_000);
  });

  it('keeps the refresh token in Key Vault through the real SecretClient, version after version', async () => {
    const { refreshToken } = await consentedRefreshToken();
    const credential = new ClientSecretCredential(world().partner.tenantId, world().app.clientId, world().app.clientSecret, { authorityHost: cloud.endpoints.entra, disableInstanceDiscovery: true });
    const client = new SecretClient(cloud.endpoints.keyVault, credential, { disableChallengeResourceVerification: true });
    const first = await client.setSecret('PartnerCenterRefreshToken', refreshToken);
    const app = msal();
    await app.acquireTokenByRefreshToken({ refreshToken, scopes: [PARTNER_CENTER_SCOPE], forceCache: true });
    const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
    const rotated = Object.values(cache.RefreshToken)[0]?.secret ?? expect.fail('no rotated refresh token');
    expect(rotated).not.toBe(refreshToken);
    await client.setSecret('PartnerCenterRefreshToken', rotated);
    expect((await client.getSecret('PartnerCenterRefreshToken')).value).toBe(rotated);
    const versions: string[] = [];
    for await (const properties of client.listPropertiesOfSecretVersions('PartnerCenterRefreshToken')) versions.push(properties.version ?? '');
    expect(versions).toHaveLength(2);
    expect((await client.getSecret('PartnerCenterRefreshToken', { version: first.properties.version ?? '' })).value).toBe(refreshToken);
  });

  it('lets the control API inject faults, revoke grants and move the clock, and only with its header', async () => {
    const { accessToken, refreshToken } = await consentedRefreshToken();
    expect((await control('/faults', 'POST', { service: 'partnercenter', path: '/v1/customers', count: 1, fault: { type: 'status', status: 503 } }, {})).status).toBe(403);
    expect((await control('/faults', 'POST', { service: 'partnercenter', path: '/v1/customers', count: 1, fault: { type: 'status', status: 503 } })).status).toBe(201);
    const customers = (): Promise<Response> => fetch(`${cloud.endpoints.partnerCenter}/v1/customers?size=1`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect((await customers()).status).toBe(503);
    expect((await customers()).status).toBe(200);

    expect((await control(`/users/${world().admins[0]?.userPrincipalName ?? ''}/revoke`)).status).toBe(200);
    await expect(msal().acquireTokenByRefreshToken({ refreshToken, scopes: [PARTNER_CENTER_SCOPE] })).rejects.toMatchObject({ errorMessage: expect.stringContaining('AADSTS50173') as unknown });

    expect((await control('/clock/advance', 'POST', { seconds: 7_200 })).status).toBe(200);
    expect((await customers()).status).toBe(401);
    expect((await control('/faults', 'POST', { service: 'nowhere', count: 1, fault: { type: 'reset' } })).status).toBe(400);
    expect((await control('/reset')).status).toBe(200);
  });

  it('describes itself to the control API without revealing the client secret', async () => {
    const state = (await (await control('/state', 'GET')).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ customers: 10_000, partner: { tenantId: world().partner.tenantId } });
    expect(JSON.stringify(state)).not.toContain(world().app.clientSecret);
  });
});
