import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { createPartnerCenterClient, MAX_PAGES, type PartnerCenterClientOptions } from './partner-center-client';

/**
 * The Partner Center client against the Partner Center emulator over HTTPS: paging, continuation tokens, retries,
 * the 401 paths. Sleeps are recorded instead of slept, so throttling tests take no wall-clock time.
 */
let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 9, customers: 2_345, maxUsersPerCustomer: 30 } });
});
afterAll(() => cloud.close());
beforeEach(() => cloud.state.reset());

function token(overrides: Record<string, unknown> = {}): Promise<string> {
  const now = cloud.state.clock.nowSeconds();
  const admin = cloud.state.world.admins[0];
  return cloud.state.keys.sign({ aud: 'https://api.partnercenter.microsoft.com', tid: cloud.state.world.partner.tenantId, oid: admin?.id, upn: admin?.userPrincipalName, scp: 'user_impersonation', amr: ['pwd', 'mfa'], appid: cloud.state.world.app.clientId, ver: '1.0', iat: now, nbf: now, exp: now + 3600, ...overrides });
}

function client(overrides: Partial<PartnerCenterClientOptions> = {}) {
  const sleeps: number[] = [];
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const refreshes: boolean[] = [];
  const instance = createPartnerCenterClient({
    baseUrl: cloud.endpoints.partnerCenter,
    accessToken: async (refresh) => {
      refreshes.push(refresh);
      return token();
    },
    locale: () => 'sv-SE',
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    fetch: async (input, init) => {
      requests.push({ url: input instanceof Request ? input.url : input.toString(), headers: { ...(init?.headers as Record<string, string>) } });
      return fetch(input, init);
    },
    ...overrides,
  });
  return { instance, sleeps, requests, refreshes };
}

async function collect<T>(pages: AsyncGenerator<{ items: readonly T[]; totalCount: number | null }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

describe('the Partner Center client', () => {
  it('pages through every customer by links.next, passing the continuation token verbatim, with the headers Partner Center asks for', async () => {
    const { instance, requests } = client();
    const customers = await collect(instance.pages<{ id: string }>('/customers?size=500'));
    expect(customers).toHaveLength(2_345);
    expect(new Set(customers.map((customer) => customer.id)).size).toBe(2_345);
    expect(customers[0]?.id).toBe(cloud.state.world.customerIdAt(0));
    expect(requests).toHaveLength(5);
    const continuation = requests[1]?.headers['MS-ContinuationToken'] ?? '';
    expect(continuation).toMatch(/[,/+=]/);
    expect(requests[1]?.url).toBe(`${cloud.endpoints.partnerCenter}/v1/customers?size=500&seekOperation=Next`);
    expect(requests[0]?.headers).toMatchObject({ 'MS-Contract-Version': 'v1', 'X-Locale': 'sv-SE', 'MS-PartnerCenter-Application': 'SAM Desk' });
    // One correlation id for the listing, a fresh request id per request.
    expect(new Set(requests.map((request) => request.headers['MS-CorrelationId'])).size).toBe(1);
    expect(new Set(requests.map((request) => request.headers['MS-RequestId'])).size).toBe(5);
  });

  it('handles an empty collection and a single page', async () => {
    const { instance } = client();
    const customerId = cloud.state.world.customerIdAt(0) ?? '';
    const deleted = await collect(instance.pages(`/customers/${customerId}/users?size=500&filter=${encodeURIComponent('{"Field":"UserState","Value":"Inactive","Operator":"equals"}')}`));
    const active = await collect(instance.pages(`/customers/${customerId}/users?size=500`));
    expect(deleted.length + active.length).toBe(cloud.state.world.customerAt(0)?.userCount);
    const none = await collect(instance.pages(`/customers?size=50&filter=${encodeURIComponent('{"Field":"Domain","Value":"no-such-domain","Operator":"starts_with"}')}`));
    expect(none).toEqual([]);
  });

  it('waits what Retry-After says on 429, retries 5xx with backoff, and keeps the request id across retries', async () => {
    cloud.state.faults.add({ service: 'partnercenter', path: '/v1/customers', fault: { type: 'status', status: 429, headers: { 'retry-after': '7' }, body: { code: 429, description: 'throttled' } }, remaining: 1 });
    cloud.state.faults.add({ service: 'partnercenter', path: '/v1/customers', fault: { type: 'status', status: 503 }, remaining: 2 });
    const { instance, sleeps, requests } = client();
    const first = await instance.pages<{ id: string }>('/customers?size=10').next();
    expect(first.done ? [] : first.value.items).toHaveLength(10);
    expect(sleeps).toEqual([7_000, 750, 1_500]);
    expect(new Set(requests.map((request) => request.headers['MS-RequestId'])).size).toBe(1);
  });

  it('gives up after bounded attempts with an actionable error', async () => {
    cloud.state.faults.add({ service: 'partnercenter', fault: { type: 'status', status: 500 }, remaining: 100 });
    const { instance, requests } = client();
    await expect(instance.get('/customers?size=1')).rejects.toMatchObject({ code: 'partner-center-unavailable', detail: { status: 500 } });
    expect(requests).toHaveLength(6);
  });

  it('refreshes the access token once on 401 and retries; a second 401 is an error', async () => {
    let calls = 0;
    const { instance, refreshes } = client({
      accessToken: async (refresh) => {
        calls++;
        refreshes.push(refresh);
        return refresh ? token() : token({ exp: cloud.state.clock.nowSeconds() - 600 });
      },
    });
    expect(await instance.get('/customers?size=1')).toMatchObject({ items: [expect.anything()] });
    expect(refreshes).toEqual([false, true]);
    expect(calls).toBe(2);
    const expiredAlways = client({ accessToken: async () => token({ exp: cloud.state.clock.nowSeconds() - 600 }) }).instance;
    await expect(expiredAlways.get('/customers?size=1')).rejects.toMatchObject({ code: 'partner-center-denied', detail: { status: 401 } });
  });

  it('recognises 900421 as a token without MFA (reconsent), without retrying', async () => {
    const { instance, requests } = client({ accessToken: async () => token({ amr: ['pwd'] }) });
    await expect(instance.get('/customers?size=1')).rejects.toMatchObject({ code: 'partner-center-mfa-required' });
    expect(requests).toHaveLength(1);
  });

  it('trusts the items, not a totalCount that disagrees with them', async () => {
    const answers = [
      { totalCount: 5, items: [{ id: 'a' }, { id: 'b' }], links: { next: { uri: '/customers?size=2&seekOperation=Next', headers: [{ key: 'MS-ContinuationToken', value: 'x,y/z+w==' }] } } },
      { totalCount: 1, items: [{ id: 'c' }] },
    ];
    const seen: string[] = [];
    const crafted = createPartnerCenterClient({
      baseUrl: 'https://partner.example',
      accessToken: async () => 'token',
      locale: () => 'en-US',
      fetch: async (_input, init) => {
        seen.push((init?.headers as Record<string, string>)['MS-ContinuationToken'] ?? '');
        return Response.json(answers.shift());
      },
    });
    const pages: Array<{ count: number; total: number | null }> = [];
    for await (const page of crafted.pages('/customers?size=2')) pages.push({ count: page.items.length, total: page.totalCount });
    expect(pages).toEqual([
      { count: 2, total: 5 },
      { count: 1, total: 1 },
    ]);
    expect(seen).toEqual(['', 'x,y/z+w==']);
  });

  it('stops when cancelled, between pages', async () => {
    const controller = new AbortController();
    const { instance, requests } = client();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of instance.pages('/customers?size=100', controller.signal)) {
          seen.push(page.items.length);
          if (seen.length === 2) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen).toEqual([100, 100]);
    expect(requests).toHaveLength(2);
  });

  it('gives up on an access token that does not come (a hung sign-in service), and stops waiting for it on cancel', async () => {
    const never = () => new Promise<string>(() => undefined);
    const { instance, requests } = client({ accessToken: never, tokenTimeoutMs: 50 });
    await expect(collect(instance.pages('/customers?size=10'))).rejects.toMatchObject({ code: 'network', detail: { reason: 'token-timeout' } });
    const controller = new AbortController();
    const waiting = collect(client({ accessToken: never }).instance.pages('/customers?size=10', controller.signal));
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    expect(requests).toHaveLength(0);
  });

  it('refuses a next link it cannot follow instead of ending the listing early', async () => {
    cloud.state.faults.add({ service: 'partnercenter', path: '/v1/customers', fault: { type: 'patch-json', set: { 'links.next.uri': 7 } }, remaining: 1 });
    const { instance } = client();
    await expect(collect(instance.pages('/customers?size=500'))).rejects.toMatchObject({ code: 'partner-center-bad-response' });
  });
});

/** The same client against the answers Microsoft documents besides its examples, each produced by the local cloud. */
describe('the Partner Center client and Microsoft’s documented response variants', () => {
  it.each(['number', 'string'] as const)('recognises 900421 with a %s code at once: no second redemption, no retry', async (codeType) => {
    cloud.state.settings.partnerCenterErrorCode = codeType;
    const { instance, requests, refreshes } = client({ accessToken: async (refresh) => (refreshes.push(refresh), token({ amr: ['pwd'] })) });
    await expect(instance.get('/customers?size=1')).rejects.toMatchObject({ code: 'partner-center-mfa-required' });
    expect(refreshes).toEqual([false]);
    expect(requests).toHaveLength(1);
  });

  it('reads every page and every error after a UTF-8 byte-order mark', async () => {
    cloud.state.faults.add({ service: 'partnercenter', path: '/v1/customers', fault: { type: 'byte-order-mark' }, remaining: 100 });
    expect(await collect(client().instance.pages<{ id: string }>('/customers?size=500'))).toHaveLength(2_345);
    const { instance, refreshes } = client({ accessToken: async (refresh) => (refreshes.push(refresh), token({ amr: ['pwd'] })) });
    await expect(instance.get('/customers?size=1')).rejects.toMatchObject({ code: 'partner-center-mfa-required' });
    expect(refreshes).toEqual([false]);
  });

  it('follows links with or without the /v1 prefix to the same base', async () => {
    cloud.state.settings.partnerCenterLinks = 'v1';
    const { instance, requests } = client();
    const customers = await collect(instance.pages<{ id: string }>('/customers?size=500'));
    expect(new Set(customers.map((customer) => customer.id)).size).toBe(2_345);
    expect(requests[1]?.url).toBe(`${cloud.endpoints.partnerCenter}/v1/customers?size=500&seekOperation=Next`);
    for (const request of requests) expect(request.url).not.toContain('/v1/v1');
  });

  it('ends a listing whose next link and continuation token repeat with partner-center-endless-listing, never a loop', async () => {
    cloud.state.settings.partnerCenterPaging = 'repeated-continuation';
    const { instance, requests } = client();
    const pages: number[] = [];
    const failure: unknown = await (async () => {
      for await (const page of instance.pages('/customers?size=500')) pages.push(page.items.length);
    })().catch((error: unknown) => error);
    // The correlation id the listing sent: what Partner Center support asks for.
    expect(failure).toMatchObject({ code: 'partner-center-endless-listing', detail: { reason: 'repeated', pages: 2, correlationId: requests[0]?.headers['MS-CorrelationId'] } });
    expect(pages).toEqual([500, 500]);
    expect(requests).toHaveLength(2);
  });

  it('ends a listing that never ends at the page bound, far past any partner’s size', async () => {
    expect(MAX_PAGES * 500).toBeGreaterThanOrEqual(1_000_000);
    cloud.state.settings.partnerCenterPaging = 'endless';
    const { instance, requests } = client({ maxPages: 12 });
    await expect(collect(instance.pages('/customers?size=500'))).rejects.toMatchObject({ code: 'partner-center-endless-listing', detail: { reason: 'too-many-pages', pages: 12 } });
    expect(requests).toHaveLength(12);
    // The same listing ends normally once Partner Center's pages end.
    cloud.state.settings.partnerCenterPaging = 'finite';
    expect(await collect(client({ maxPages: 12 }).instance.pages('/customers?size=500'))).toHaveLength(2_345);
  });
});
