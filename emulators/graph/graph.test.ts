import { createHash, generateKeyPairSync } from 'node:crypto';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import forge from 'node-forge';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_HEADER } from '../control/routes';
import { describeLocalCloud } from '../descriptor';
import { startLocalCloud, type LocalCloud } from '../local-cloud';
import { TLS_DIRECTORY } from '../testing/global-setup';

/**
 * The Microsoft Graph emulator through real clients: msal-node's client credentials grant for Graph's `.default`,
 * then plain fetch of the app registration. Bearer validation (audience, tenant), the app role an app-only token
 * needs (Application.Read.All, granted or denied by the control API), the application resource's shape without any
 * secret value, the secret's end date the control API moves, and faults and throttling like the other services.
 */
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const SELECT = '$select=id,appId,displayName,passwordCredentials,keyCredentials';
const DAY_MS = 86_400_000;
let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 77, customers: 2, maxUsersPerCustomer: 2 } });
});
afterAll(() => cloud.close());
beforeEach(async () => {
  expect((await control('/reset')).status).toBe(200);
});

const world = () => cloud.state.world;

function control(path: string, method = 'POST', body?: unknown): Promise<Response> {
  return fetch(`${cloud.endpoints.control}${path}`, { method, headers: { 'content-type': 'application/json', [CONTROL_HEADER]: '1' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** An app-only token from the Entra emulator, for Graph unless another scope is named (a fresh msal app: no cache). */
async function appToken(app = world().app, scope = GRAPH_SCOPE): Promise<string> {
  const msal = new ConfidentialClientApplication({
    auth: { clientId: app.clientId, clientSecret: app.clientSecret, authority: `${cloud.endpoints.entra}/${world().partner.tenantId}`, knownAuthorities: [new URL(cloud.endpoints.entra).host] },
  });
  const result = await msal.acquireTokenByClientCredential({ scopes: [scope] });
  return result?.accessToken ?? expect.fail('no access token');
}

function graph(path: string, token: string | null): Promise<Response> {
  return fetch(`${cloud.endpoints.graph}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
}

const byAppId = (appId = world().app.clientId) => `/v1.0/applications(appId='${appId}')?${SELECT}`;

describe('the Microsoft Graph emulator', () => {
  it("returns the app registration's credentials, without any secret value, to an app-only token with Application.Read.All", async () => {
    const token = await appToken();
    expect(decodeJwt(token)).toMatchObject({ aud: 'https://graph.microsoft.com', idtyp: 'app', roles: ['Application.Read.All'] });
    const response = await graph(byAppId(), token);
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const text = await response.text();
    expect(text).not.toContain(world().app.clientSecret);
    const body = JSON.parse(text) as Record<string, unknown> & { passwordCredentials: Record<string, unknown>[]; keyCredentials: unknown[] };
    expect(Object.keys(body).sort()).toEqual(['@odata.context', 'appId', 'displayName', 'id', 'keyCredentials', 'passwordCredentials']);
    expect(body).toMatchObject({ appId: world().app.clientId, displayName: world().app.displayName, keyCredentials: [] });
    expect(body['@odata.context']).toBe(`${cloud.endpoints.graph}/v1.0/$metadata#applications(id,appId,displayName,passwordCredentials,keyCredentials)/$entity`);
    // The secret SAM Desk holds, by its hint, ends two years after the cloud was made; an older one ends within the week.
    const ours = body.passwordCredentials.find((credential) => credential.hint === world().app.clientSecret.slice(0, 3)) ?? expect.fail('no credential with our hint');
    expect(ours).toMatchObject({ keyId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown, displayName: 'SAM Desk', secretText: null, startDateTime: cloud.state.createdAt.toISOString() });
    expect(Date.parse(String(ours.endDateTime)) - cloud.state.createdAt.getTime()).toBe(730 * DAY_MS);
    expect(body.passwordCredentials).toHaveLength(2);
    for (const credential of body.passwordCredentials) expect(credential.secretText ?? null).toBeNull();
  });

  it('also answers by object id and to $filter=appId eq, and names a missing application or unknown property', async () => {
    const token = await appToken();
    const application = (await (await graph(byAppId(), token)).json()) as { id: string };
    expect(((await (await graph(`/v1.0/applications/${application.id}?$select=appId`, token)).json()) as Record<string, unknown>).appId).toBe(world().app.clientId);
    const listed = (await (await graph(`/v1.0/applications?$filter=${encodeURIComponent(`appId eq '${world().app.clientId}'`)}&${SELECT}`, token)).json()) as { value: Array<{ appId: string }> };
    expect(listed.value.map((entry) => entry.appId)).toEqual([world().app.clientId]);
    const missing = await graph(byAppId('11111111-2222-4333-8444-555555555555'), token);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('Request_ResourceNotFound');
    const unknown = await graph(`/v1.0/applications(appId='${world().app.clientId}')?$select=secretText`, token);
    expect(unknown.status).toBe(400);
  });

  it('refuses a missing token, a token for another resource and one from another tenant with 401', async () => {
    const none = await graph(byAppId(), null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    const forVault = await graph(byAppId(), await appToken(world().app, 'https://vault.azure.net/.default'));
    expect(forVault.status).toBe(401);
    expect(((await forVault.json()) as { error: { message: string } }).error.message).toContain('Invalid audience');
    const now = cloud.state.clock.nowSeconds();
    const otherTenant = await cloud.state.keys.sign({ aud: 'https://graph.microsoft.com', tid: '0b7f0c56-0000-4000-8000-000000000001', idtyp: 'app', roles: ['Application.Read.All'], appid: world().app.clientId, iat: now, nbf: now, exp: now + 3600 });
    expect((await graph(byAppId(), otherTenant)).status).toBe(401);
  });

  it("answers 403 Authorization_RequestDenied when the app's Graph permission is denied through the control API", async () => {
    expect((await control('/settings', 'PATCH', { graphAppRoles: [] })).status).toBe(200);
    const token = await appToken();
    expect(decodeJwt(token).roles).toEqual([]);
    const response = await graph(byAppId(), token);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    // Graph checks the permission before the lookup: a missing app is refused the same way, revealing nothing.
    expect((await graph(byAppId('11111111-2222-4333-8444-555555555555'), token)).status).toBe(403);
    expect((await graph(`/v1.0/applications?$filter=${encodeURIComponent(`appId eq '${world().app.clientId}'`)}`, token)).status).toBe(403);
    expect((await control('/settings', 'PATCH', { graphAppRoles: ['Not.A.Role'] })).status).toBe(400);
  });

  it('lets Application.ReadWrite.OwnedBy read the app itself, and no other app', async () => {
    expect((await control('/settings', 'PATCH', { graphAppRoles: ['Application.ReadWrite.OwnedBy'] })).status).toBe(200);
    const token = await appToken();
    expect((await graph(byAppId(), token)).status).toBe(200);
    expect((await graph(byAppId(world().automationApp.clientId), token)).status).toBe(403);
  });

  it("moves the app secret's end date through the control API, and Entra refuses the secret from that instant (7000222)", async () => {
    const moved = (await (await control('/app/secret-expiry', 'POST', { daysFromNow: 10 })).json()) as { endDateTime: string };
    expect(Date.parse(moved.endDateTime) - cloud.state.clock.now().getTime()).toBeGreaterThan(10 * DAY_MS - 5_000);
    const body = (await (await graph(byAppId(), await appToken())).json()) as { passwordCredentials: Array<{ hint: string; endDateTime: string }> };
    expect(body.passwordCredentials.find((credential) => credential.hint === world().app.clientSecret.slice(0, 3))?.endDateTime).toBe(moved.endDateTime);
    expect((await control('/app/secret-expiry', 'POST', { endDateTime: '2020-01-01T00:00:00Z' })).status).toBe(200);
    await expect(appToken()).rejects.toMatchObject({ errorMessage: expect.stringContaining('AADSTS7000222') as unknown });
    expect((await control('/app/secret-expiry', 'POST', { daysFromNow: 'soon' })).status).toBe(400);
  });

  it('lists a certificate registered on the app as a key credential named by its thumbprint', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    const certificate = forge.pki.createCertificate();
    certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    certificate.serialNumber = '02';
    certificate.validity.notBefore = new Date(Date.now() - 60_000);
    certificate.validity.notAfter = new Date(Date.now() + 30 * DAY_MS);
    certificate.setSubject([{ name: 'commonName', value: 'SAM Desk graph test' }]);
    certificate.setIssuer([{ name: 'commonName', value: 'SAM Desk graph test' }]);
    certificate.sign(key, forge.md.sha256.create());
    const pem = forge.pki.certificateToPem(certificate);
    expect((await control('/app/certificates', 'POST', { pem })).status).toBe(201);
    const thumbprint = createHash('sha1').update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')).digest('hex').toUpperCase();
    const body = (await (await graph(byAppId(), await appToken())).json()) as { keyCredentials: Array<Record<string, unknown>> };
    expect(body.keyCredentials).toEqual([
      expect.objectContaining({ customKeyIdentifier: thumbprint, displayName: 'CN=SAM Desk graph test', type: 'AsymmetricX509Cert', usage: 'Verify', endDateTime: new Date(Math.floor(certificate.validity.notAfter.getTime() / 1000) * 1000).toISOString() }),
    ]);
  });

  it('fails and throttles on demand through the control API, like the other services', async () => {
    const token = await appToken();
    expect((await control('/faults', 'POST', { service: 'graph', path: '/v1.0/applications', count: 1, fault: { type: 'status', status: 503 } })).status).toBe(201);
    expect((await graph(byAppId(), token)).status).toBe(503);
    expect((await graph(byAppId(), token)).status).toBe(200);
    expect((await control('/throttle', 'POST', { service: 'graph', requests: 0, retryAfterSeconds: 7 })).status).toBe(200);
    const throttled = await graph(byAppId(), token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
  });


  it('is in the description of the local cloud', () => {
    expect(describeLocalCloud(cloud).endpoints.graph).toBe(cloud.endpoints.graph);
  });
});
