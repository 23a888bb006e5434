import { describe, expect, it } from 'vitest';
import { useTestVault } from './test-vault';

/**
 * The wire protocol as raw HTTPS sees it: what SecretClient parses or hides (challenge header, error bodies,
 * nextLink format, Retry-After), so a client other than the SDK would see the same thing as against Azure.
 */
const testVault = useTestVault();
const API = 'api-version=2026-04-01';

async function authorized(pathAndQuery: string, init: RequestInit = {}, claims = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await testVault().token(claims)}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return testVault().fetch(pathAndQuery, { ...init, headers });
}

async function errorOf(response: Response): Promise<{ code: string; message: string; innererror?: { code: string } }> {
  const body = (await response.json()) as { error: { code: string; message: string; innererror?: { code: string } } };
  return body.error;
}

describe('Key Vault emulator on the wire', () => {
  it('challenges a request without a token with the exact header SecretClient parses', async () => {
    const response = await testVault().fetch(`/secrets/anything?${API}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer authorization="${testVault().endpoints.entra}/${testVault().tenantId}", resource="https://vault.azure.net"`);
    expect(await errorOf(response)).toEqual({ code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' });
  });

  it('requires api-version, and accepts it percent-encoded as the SDK sends it', async () => {
    const missing = await authorized('/secrets');
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).code).toBe('BadParameter');

    const encoded = await authorized('/secrets?api%2Dversion=2026-04-01');
    expect(encoded.status).toBe(200);
    expect(await encoded.json()).toEqual({ value: [], nextLink: null });
  });

  it('refuses tokens for another audience, expired, from another tenant, or signed by someone else', async () => {
    const audience = await authorized(`/secrets?${API}`, {}, { aud: 'https://graph.microsoft.com' });
    expect(audience.status).toBe(401);
    expect(audience.headers.get('www-authenticate')).toContain('resource="https://vault.azure.net"');
    expect((await errorOf(audience)).message).toBe('AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://graph.microsoft.com.');

    // Key Vault's application id is an accepted audience too.
    expect((await authorized(`/secrets?${API}`, {}, { aud: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093' })).status).toBe(200);

    const now = testVault().state.clock.nowSeconds();
    const expired = await authorized(`/secrets?${API}`, {}, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 });
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).message).toContain('TokenExpired');

    const tenant = await authorized(`/secrets?${API}`, {}, { tid: '11111111-1111-1111-1111-111111111111' });
    expect(tenant.status).toBe(401);
    expect((await errorOf(tenant)).message).toContain('AKV10032: Invalid issuer');

    const [header, payload] = (await testVault().token()).split('.');
    const forged = await testVault().fetch(`/secrets?${API}`, { headers: { authorization: `Bearer ${header ?? ''}.${payload ?? ''}.c2lnbmF0dXJl` } });
    expect(forged.status).toBe(401);
  });

  it('returns the secret bundle shape of the REST API', async () => {
    const put = await authorized(`/secrets/Shape-Test?${API}`, { method: 'PUT', body: JSON.stringify({ value: 's3cret', contentType: 'text/plain', tags: { a: 'b' }, attributes: { enabled: true, exp: 2_000_000_000 } }) });
    expect(put.status).toBe(200);
    const bundle = (await put.json()) as { id: string; attributes: Record<string, unknown> };
    const now = testVault().state.clock.nowSeconds();
    expect(bundle).toEqual({
      value: 's3cret',
      id: expect.stringMatching(new RegExp(`^${testVault().endpoints.keyVault}/secrets/Shape-Test/[0-9a-f]{32}$`)) as unknown,
      contentType: 'text/plain',
      tags: { a: 'b' },
      attributes: { enabled: true, exp: 2_000_000_000, created: now, updated: now, recoveryLevel: 'Recoverable+Purgeable', recoverableDays: 90 },
    });
    // Trailing slash = latest version; names are case-insensitive.
    const latest = await authorized(`/secrets/shape-test/?${API}`);
    expect(((await latest.json()) as { id: string }).id).toBe(bundle.id);

    const missing = await authorized(`/secrets/nope/${'a'.repeat(32)}?${API}`);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).message).toContain(`(name/id) nope/${'a'.repeat(32)} was not found`);
  });

  it('writes absolute nextLinks carrying api-version, $skiptoken and maxresults, ending with null', async () => {
    for (const name of ['s1', 's2', 's3']) await authorized(`/secrets/${name}?${API}`, { method: 'PUT', body: JSON.stringify({ value: name }) });

    const first = (await (await authorized(`/secrets?${API}&maxresults=2`)).json()) as { value: { id: string }[]; nextLink: string | null };
    expect(first.value.map((item) => item.id)).toEqual([`${testVault().endpoints.keyVault}/secrets/s1`, `${testVault().endpoints.keyVault}/secrets/s2`]);
    expect(first.value.every((item) => !('value' in item))).toBe(true);
    expect(first.nextLink).toMatch(new RegExp(`^${testVault().endpoints.keyVault}/secrets\\?api-version=2026-04-01&\\$skiptoken=[^&]+&maxresults=2$`));

    const next = new URL(first.nextLink ?? '');
    const second = (await (await authorized(`${next.pathname}${next.search}`)).json()) as { value: { id: string }[]; nextLink: string | null };
    expect(second).toEqual({ value: [expect.objectContaining({ id: `${testVault().endpoints.keyVault}/secrets/s3` }) as unknown], nextLink: null });

    expect((await authorized(`/secrets?${API}&maxresults=26`)).status).toBe(400);
    expect((await authorized(`/secrets?${API}&$skiptoken=garbage`)).status).toBe(400);
  });

  it('answers 429 Throttled with Retry-After when the budget is spent', async () => {
    testVault().state.setThrottle('keyvault', 0, 17);
    const response = await authorized(`/secrets?${API}`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('17');
    expect((await errorOf(response)).code).toBe('Throttled');
  });

  it('answers 403 Forbidden / AccessDenied naming the missing permission', async () => {
    testVault().state.keyVaultPermissions.set(testVault().oid, new Set());
    const response = await authorized(`/secrets?${API}`);
    expect(response.status).toBe(403);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: 'Forbidden', innererror: { code: 'AccessDenied' } });
    expect(error.message).toContain('does not have secrets list permission on key vault');
  });

  it('rejects bad bodies and bad names with 400 BadParameter without echoing the value', async () => {
    const noValue = await authorized(`/secrets/ok?${API}`, { method: 'PUT', body: JSON.stringify({ contentType: 'x' }) });
    expect(noValue.status).toBe(400);
    expect((await errorOf(noValue)).code).toBe('BadParameter');

    const badJson = await authorized(`/secrets/ok?${API}`, { method: 'PUT', body: '{"value": "hunter2"' });
    expect(badJson.status).toBe(400);
    expect(JSON.stringify(await badJson.json())).not.toContain('hunter2');

    const badName = await authorized(`/secrets/has.dot?${API}`, { method: 'PUT', body: JSON.stringify({ value: 'hunter2' }) });
    expect(badName.status).toBe(400);
    const error = await errorOf(badName);
    expect(error).toEqual({ code: 'BadParameter', message: 'The request URI contains an invalid name: has.dot' });
  });

  it('echoes the client request id and sets a request id', async () => {
    const response = await authorized(`/secrets?${API}`, { headers: { 'x-ms-client-request-id': 'abc-123' } });
    expect(response.headers.get('x-ms-client-request-id')).toBe('abc-123');
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
