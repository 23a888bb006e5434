import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_CENTER_APP_ID, PARTNER_CENTER_RESOURCE } from '../core/endpoints';
import { SigningKeys } from '../core/signing-keys';
import { startPartnerCenter, type ErrorBody, type PartnerCenterHarness } from './test-support';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('Partner Center access checks', () => {
  let pc: PartnerCenterHarness;

  beforeAll(async () => {
    pc = await startPartnerCenter();
  });
  afterAll(() => pc.close());

  async function expectUnauthorized(response: Response, code: number): Promise<ErrorBody> {
    expect(response.status).toBe(401);
    const body = (await response.json()) as ErrorBody;
    expect(body).toMatchObject({ code, data: [], source: 'PartnerFD' });
    expect(body.description).not.toBe('');
    return body;
  }

  it('accepts Entra v1 tokens for any of Partner Center audiences', async () => {
    for (const aud of [PARTNER_CENTER_RESOURCE, `${PARTNER_CENTER_RESOURCE}/`, PARTNER_CENTER_APP_ID]) {
      expect((await pc.call('/customers?size=1', { token: await pc.userToken({ aud }) })).status).toBe(200);
    }
  });

  it('answers 401 PartnerFD for a missing, malformed, foreign-signed, expired or wrong-audience token', async () => {
    const stranger = await SigningKeys.create();
    const now = pc.state.clock.nowSeconds();
    const foreign = await stranger.sign({ aud: PARTNER_CENTER_RESOURCE, iat: now, nbf: now, exp: now + 3600, scp: 'user_impersonation', amr: ['pwd', 'mfa'] });
    await expectUnauthorized(await pc.call('/customers', { token: null }), 900420);
    await expectUnauthorized(await pc.call('/customers', { token: 'not.a.jwt' }), 900420);
    await expectUnauthorized(await pc.call('/customers', { token: foreign }), 900420);
    await expectUnauthorized(await pc.call('/customers', { token: await pc.userToken({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }) }), 900420);
    const wrongAudience = await expectUnauthorized(await pc.call('/customers', { token: await pc.userToken({ aud: 'https://graph.windows.net' }) }), 900420);
    expect(wrongAudience.description).toMatch(/audience/i);
  });

  it('expires tokens on the emulator clock', async () => {
    const token = await pc.userToken();
    expect((await pc.call('/customers?size=1', { token })).status).toBe(200);
    pc.state.clock.advance(2 * 3600);
    try {
      await expectUnauthorized(await pc.call('/customers?size=1', { token }), 900420);
    } finally {
      pc.state.clock.reset();
    }
  });

  it('refuses an App+User token without mfa in amr with 900421, unless enforcement is off', async () => {
    const noMfa = await pc.userToken({ amr: ['pwd'] });
    const body = await expectUnauthorized(await pc.call('/customers', { token: noMfa }), 900421);
    expect(body.description).toMatch(/mfa|multi-factor/i);
    // No idtyp at all is still App+User when the token carries scp.
    await expectUnauthorized(await pc.call('/customers', { token: await pc.userToken({ amr: ['pwd'], idtyp: undefined }) }), 900421);

    pc.state.settings.partnerCenterMfaEnforcement = false;
    try {
      expect((await pc.call('/customers?size=1', { token: noMfa })).status).toBe(200);
    } finally {
      pc.state.settings.partnerCenterMfaEnforcement = true;
    }
  });

  it('lets an App-only token through: MFA enforcement applies to App+User calls only', async () => {
    const response = await pc.call('/customers?size=1', { token: await pc.appToken() });
    expect(response.status).toBe(200);
  });

  it('answers 429 with Retry-After once the budget is spent, and recovers when that time has passed', async () => {
    const token = await pc.userToken();
    pc.state.setThrottle('partnercenter', 3, 30);
    try {
      for (let i = 0; i < 3; i += 1) expect((await pc.call('/customers?size=1', { token })).status).toBe(200);
      const throttled = await pc.call('/customers?size=1', { token });
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('30');
      expect((await throttled.json()) as ErrorBody).toMatchObject({ source: 'PartnerFD', data: [] });
      pc.state.clock.advance(10);
      const stillThrottled = await pc.call('/customers?size=1', { token });
      expect(stillThrottled.status).toBe(429);
      expect(stillThrottled.headers.get('retry-after')).toBe('20');
      pc.state.clock.advance(20);
      expect((await pc.call('/customers?size=1', { token: await pc.userToken() })).status).toBe(200);
    } finally {
      pc.state.throttles.clear();
      pc.state.clock.reset();
    }
  });

  it('echoes MS-RequestId and MS-CorrelationId, and makes them up when absent', async () => {
    const ids = { 'MS-RequestId': '5ce66de5-eea9-486f-a11c-c852aa3d1502', 'MS-CorrelationId': 'a2a912ee-d595-47e2-97ae-1b0ae1efa13d' };
    const echoed = await pc.call('/customers?size=1', { headers: ids });
    expect(echoed.headers.get('ms-requestid')).toBe(ids['MS-RequestId']);
    expect(echoed.headers.get('ms-correlationid')).toBe(ids['MS-CorrelationId']);
    const refused = await pc.call('/customers', { token: null, headers: ids });
    expect(refused.headers.get('ms-requestid')).toBe(ids['MS-RequestId']);

    const generated = await pc.call('/customers?size=1');
    expect(generated.headers.get('ms-requestid')).toMatch(GUID);
    expect(generated.headers.get('ms-correlationid')).toMatch(GUID);
    expect(generated.headers.get('ms-requestid')).not.toBe(generated.headers.get('ms-correlationid'));
  });

  it('serves an injected fault once, with the request ids, then answers normally', async () => {
    pc.state.faults.add({ service: 'partnercenter', path: '/v1/customers', fault: { type: 'status', status: 503 }, remaining: 1 });
    const failed = await pc.call('/customers?size=1', { headers: { 'MS-RequestId': '127facaa-e389-41f8-8bb7-1d1af99db893' } });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('ms-requestid')).toBe('127facaa-e389-41f8-8bb7-1d1af99db893');
    expect((await pc.call('/customers?size=1')).status).toBe(200);
  });
});
