import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_HEADER } from '../control/routes';
import { startLocalCloud, type LocalCloud } from '../local-cloud';
import { TLS_DIRECTORY } from '../testing/global-setup';
import { FaultInjector, hugeBody, patchJson } from './faults';

/**
 * The fault kinds that bend a real answer instead of replacing it (patch-json, huge-body), and the rule options that
 * aim a fault (bodyContains, skip): unit by unit, then through the control API against running emulators.
 */
describe('fault rules', () => {
  it('lets `skip` matching requests through before failing, and matches on the body only when told to', () => {
    const faults = new FaultInjector();
    faults.add({ service: 'entra', path: '/t/oauth2', bodyContains: 'grant_type=refresh_token', skip: 1, fault: { type: 'reset' }, remaining: 1 });
    expect(faults.needsBody('entra')).toBe(true);
    expect(faults.needsBody('keyvault')).toBe(false);
    expect(faults.take('entra', 'POST', '/t/oauth2/v2.0/token', 'grant_type=client_credentials')).toBeNull();
    expect(faults.take('entra', 'POST', '/t/oauth2/v2.0/token', null)).toBeNull();
    expect(faults.take('entra', 'POST', '/t/oauth2/v2.0/token', 'grant_type=refresh_token&x=1')).toBeNull();
    expect(faults.take('entra', 'POST', '/t/oauth2/v2.0/token', 'grant_type=refresh_token&x=2')).toEqual({ type: 'reset' });
    expect(faults.pending).toHaveLength(0);
  });

  it('does not let one use of a rule change the rule it was added from', () => {
    const rule = { service: 'keyvault', skip: 2, fault: { type: 'reset' as const }, remaining: 1 };
    const faults = new FaultInjector();
    faults.add(rule);
    faults.take('keyvault', 'GET', '/secrets/x');
    expect(rule.skip).toBe(2);
  });

  it('sets and removes dotted paths of a JSON answer, and leaves anything else alone', () => {
    const body = { value: 'secret', attributes: { enabled: true }, items: [1] };
    expect(patchJson(body, { type: 'patch-json', set: { items: { not: 'a list' }, 'attributes.enabled': 'yes', 'links.next.uri': 7 }, remove: ['value', 'nothing.here'] })).toEqual({
      attributes: { enabled: 'yes' },
      items: { not: 'a list' },
      links: { next: { uri: 7 } },
    });
    expect(body.value).toBe('secret');
    expect(patchJson('{"access_token":"eyJ"}', { type: 'patch-json', set: { access_token: 42 } })).toEqual({ access_token: 42 });
    expect(patchJson('<html>', { type: 'patch-json', set: { a: 1 } })).toBe('<html>');
  });

  it('pads an answer to the size asked for, keeping it valid JSON', () => {
    const padded = hugeBody({ items: [{ id: 'a' }] }, 10_000);
    expect(padded.length).toBeGreaterThanOrEqual(10_000);
    expect(JSON.parse(padded)).toMatchObject({ items: [{ id: 'a' }] });
    expect(JSON.parse(hugeBody({}, 100))).toHaveProperty('padding');
    expect(hugeBody('<p>', 10)).toBe('<p>       ');
  });
});

describe('the control API’s new fault kinds, on running emulators', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 5, customers: 3, maxUsersPerCustomer: 2 } });
  });
  afterAll(() => cloud.close());

  const control = (body: unknown): Promise<Response> =>
    fetch(`${cloud.endpoints.control}/faults`, { method: 'POST', headers: { 'content-type': 'application/json', [CONTROL_HEADER]: '1' }, body: JSON.stringify(body) });
  const discovery = () => fetch(`${cloud.endpoints.entra}/${cloud.state.world.partner.tenantId}/v2.0/.well-known/openid-configuration`);
  const token = (grant: string) =>
    fetch(`${cloud.endpoints.entra}/${cloud.state.world.partner.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: grant, client_id: cloud.state.world.app.clientId, client_secret: cloud.state.world.app.clientSecret, scope: 'https://vault.azure.net/.default', refresh_token: 'x' }).toString(),
    });

  it('patches the real answer: a field of the wrong type, a field gone', async () => {
    expect((await control({ service: 'entra', path: `/${cloud.state.world.partner.tenantId}/v2.0/.well-known`, fault: { type: 'patch-json', set: { issuer: 42 }, remove: ['jwks_uri'] } })).status).toBe(201);
    const patched = (await (await discovery()).json()) as Record<string, unknown>;
    expect(patched.issuer).toBe(42);
    expect(patched).not.toHaveProperty('jwks_uri');
    expect(patched.token_endpoint).toMatch(/oauth2\/v2\.0\/token$/);
    expect(((await (await discovery()).json()) as Record<string, unknown>).issuer).toEqual(expect.any(String));
  });

  it('sends a 20 MB answer that is still the real one', async () => {
    expect((await control({ service: 'entra', fault: { type: 'huge-body', bytes: 20 * 1024 * 1024 } })).status).toBe(201);
    const text = await (await discovery()).text();
    expect(text.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(JSON.parse(text)).toHaveProperty('token_endpoint');
  });

  it('puts a UTF-8 byte-order mark before the real answer', async () => {
    expect((await control({ service: 'entra', fault: { type: 'byte-order-mark' } })).status).toBe(201);
    const bytes = new Uint8Array(await (await discovery()).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(JSON.parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)))).toHaveProperty('token_endpoint');
  });

  it('answers with Entra’s documented error body: the description’s trace id, correlation id and timestamp on lines of their own', async () => {
    const refused = (await (await token('refresh_token')).json()) as { error_description: string; error_codes: number[]; trace_id: string; correlation_id: string; timestamp: string };
    const [message, trace, correlation, timestamp] = refused.error_description.split('\r\n');
    expect(message).toMatch(/^AADSTS\d{4,8}: /);
    expect(trace).toBe(`Trace ID: ${refused.trace_id}`);
    expect(correlation).toBe(`Correlation ID: ${refused.correlation_id}`);
    expect(timestamp).toBe(`Timestamp: ${refused.timestamp}`);
    expect(refused.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(refused.error_codes).toEqual([Number(/AADSTS(\d+)/.exec(message ?? '')?.[1])]);
  });

  it('aims at one grant type on a shared endpoint, and at the second matching request', async () => {
    expect((await control({ service: 'entra', method: 'POST', bodyContains: 'grant_type=refresh_token', skip: 1, count: 1, fault: { type: 'status', status: 503, body: { error: 'temporarily_unavailable' } } })).status).toBe(201);
    expect((await token('client_credentials')).status).toBe(200);
    expect((await token('refresh_token')).status).toBe(400);
    expect((await token('refresh_token')).status).toBe(503);
    expect((await token('refresh_token')).status).toBe(400);
  });

  it('handles at once and answers late (slow-answer), or handles late (delay)', async () => {
    // Starting a sign-in leaves a flow in Entra's state: what shows whether the request was handled yet.
    const authorize = () =>
      fetch(`${cloud.endpoints.entra}/${cloud.state.world.partner.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: cloud.state.world.app.clientId, redirect_uri: 'http://localhost', response_type: 'code', scope: 'openid' }).toString()}`);
    for (const [type, handledEarly] of [['slow-answer', true], ['delay', false]] as const) {
      const flows = cloud.entra.flows.size;
      expect((await control({ service: 'entra', method: 'GET', path: `/${cloud.state.world.partner.tenantId}/oauth2`, fault: { type, ms: 400 } })).status).toBe(201);
      const started = performance.now();
      const answer = authorize();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(cloud.entra.flows.size, type).toBe(flows + (handledEarly ? 1 : 0));
      expect((await answer).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
      expect(cloud.entra.flows.size).toBe(flows + 1);
    }
  });

  it('refuses a malformed rule', async () => {
    expect((await control({ service: 'entra', fault: { type: 'huge-body', bytes: 0 } })).status).toBe(400);
    expect((await control({ service: 'entra', skip: -1, fault: { type: 'reset' } })).status).toBe(400);
    expect((await control({ service: 'entra', fault: { type: 'patch-json', set: { '': 1 } } })).status).toBe(400);
  });
});
