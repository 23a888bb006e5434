import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followPages, startPartnerCenter, type CollectionBody, type ErrorBody, type PartnerCenterHarness } from './test-support';

interface CustomerBody {
  id: string;
  companyProfile: { tenantId: string; domain: string; companyName: string };
  relationshipToPartner: string;
  allowDelegatedAccess?: boolean;
  billingProfile?: { email: string };
  attributes: { objectType: string };
}

const filterParam = (field: string, value: string): string => encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: 'starts_with' }));

describe('Partner Center customers', () => {
  let pc: PartnerCenterHarness;
  let token: string;

  beforeAll(async () => {
    pc = await startPartnerCenter({ customers: 10_000 });
    token = await pc.userToken();
  });
  afterAll(() => pc.close());

  it('pages through 10,000 customers 500 at a time, each exactly once and in order', async () => {
    const pages = await followPages<CustomerBody>(pc, '/customers?size=500', token);
    expect(pages).toHaveLength(20);
    const ids = pages.flatMap((page) => page.items.map((customer) => customer.id));
    expect(ids).toEqual(Array.from({ length: 10_000 }, (_, index) => pc.state.world.customerIdAt(index)));
    for (const page of pages) {
      // totalCount counts the page, as the real seek-based collections do.
      expect(page.totalCount).toBe(page.items.length);
      expect(page.attributes).toEqual({ objectType: 'Collection' });
    }
    expect(pages.reduce((sum, page) => sum + page.totalCount, 0)).toBe(10_000);
    expect(pages.at(-1)?.links.next).toBeUndefined();

    const first = pages[0];
    expect(first?.links.self.uri).toBe('/customers?size=500');
    expect(first?.links.next?.uri).toBe('/customers?size=500&seekOperation=Next');
    expect(first?.links.next?.method).toBe('GET');
    const continuation = first?.links.next?.headers.find((header) => header.key === 'MS-ContinuationToken')?.value ?? '';
    for (const character of [',', '/', '+', '=']) expect(continuation).toContain(character);
    expect(first?.items[0]).toMatchObject({ attributes: { objectType: 'Customer' }, companyProfile: { tenantId: first?.items[0]?.id } });
    expect(first?.items[0]?.allowDelegatedAccess).toBeUndefined();
  });

  it('caps the page size at 500 and treats size=0 as the maximum', async () => {
    for (const size of ['5000', '0']) {
      const body = (await (await pc.call(`/customers?size=${size}`, { token })).json()) as CollectionBody<CustomerBody>;
      expect(body.items).toHaveLength(500);
    }
    expect((await pc.call('/customers?size=-1', { token })).status).toBe(400);
  });

  it('refuses a continuation token that was altered, re-encoded, missing or issued for another listing', async () => {
    const first = (await (await pc.call('/customers?size=10', { token })).json()) as CollectionBody<CustomerBody>;
    const valid = first.links.next?.headers[0]?.value ?? '';
    const tampered = valid.replace(/.(?=_)/, (character) => (character === 'A' ? 'B' : 'A'));
    // A forgery that decodes cleanly: the cursor moved 10 customers on, the original signature kept.
    const [body = '', mac = ''] = valid.split('_');
    const [nonce = '', payload = ''] = body.split(',');
    const forgedPayload = Buffer.from(Buffer.from(payload, 'base64').toString('latin1').replace('"offset":10', '"offset":20'), 'latin1').toString('base64');
    expect(forgedPayload).not.toBe(payload);
    const forged = `${nonce},${forgedPayload}_${mac}`;
    const cases: Record<string, string>[] = [
      { 'MS-ContinuationToken': forged },
      { 'MS-ContinuationToken': tampered },
      { 'MS-ContinuationToken': encodeURIComponent(valid) },
      { 'MS-ContinuationToken': 'not-a-token' },
      {},
    ];
    for (const headers of cases) {
      const response = await pc.call('/customers?size=10&seekOperation=Next', { token, headers });
      expect(response.status).toBe(400);
      expect((await response.json()) as ErrorBody).toMatchObject({ source: 'PartnerFD', data: [] });
    }
    const world = pc.state.world;
    const customerId = Array.from({ length: 50 }, (_, index) => world.customerIdAt(index) ?? '').find((id) => world.usersOf(id).filter((user) => user.state === 'active').length > 1) ?? '';
    const users = (await (await pc.call(`/customers/${customerId}/users?size=1`, { token })).json()) as CollectionBody<unknown>;
    const usersToken = users.links.next?.headers[0]?.value ?? '';
    expect(usersToken).not.toBe('');
    expect((await pc.call('/customers?size=10&seekOperation=Next', { token, headers: { 'MS-ContinuationToken': usersToken } })).status).toBe(400);
    // The untouched token still works (the refusals did not consume it).
    const next = await pc.call('/customers?size=10&seekOperation=Next', { token, headers: { 'MS-ContinuationToken': valid } });
    expect(((await next.json()) as CollectionBody<CustomerBody>).items[0]?.id).toBe(pc.state.world.customerIdAt(10));
  });

  it('filters by domain prefix, case-insensitively, and keeps the filter across pages', async () => {
    const world = pc.state.world;
    const prefix = world.customerAt(7)?.companyProfile.domain.slice(0, 4) ?? '';
    const expected = Array.from({ length: world.customerCount }, (_, index) => world.customerAt(index)).filter((customer) => customer?.companyProfile.domain.startsWith(prefix));
    expect(expected.length).toBeGreaterThan(25);
    expect(expected.length).toBeLessThan(world.customerCount);

    const pages = await followPages<CustomerBody>(pc, `/customers?size=25&filter=${filterParam('Domain', prefix.toUpperCase())}`, token);
    expect(pages.flatMap((page) => page.items.map((customer) => customer.id))).toEqual(expected.map((customer) => customer?.id));
    expect(pages.length).toBe(Math.ceil(expected.length / 25));
    expect(pages[0]?.links.next?.uri).toContain('filter=');

    // A next request without the filter parameter continues the filtered listing (the token carries it)...
    const continuation = pages[0]?.links.next?.headers[0]?.value ?? '';
    const bare = (await (await pc.call('/customers?size=25&seekOperation=Next', { token, headers: { 'MS-ContinuationToken': continuation } })).json()) as CollectionBody<CustomerBody>;
    expect(bare.items.map((customer) => customer.id)).toEqual(pages[1]?.items.map((customer) => customer.id));
    // ...and one with a different filter is refused.
    const other = await pc.call(`/customers?size=25&seekOperation=Next&filter=${filterParam('Domain', 'zz')}`, { token, headers: { 'MS-ContinuationToken': continuation } });
    expect(other.status).toBe(400);
  });

  it('filters by company name prefix, including non-ASCII names', async () => {
    const world = pc.state.world;
    const customer = Array.from({ length: 200 }, (_, index) => world.customerAt(index)).find((candidate) => /[^\x20-\x7e]/.test(candidate?.companyProfile.companyName ?? ''));
    const prefix = customer?.companyProfile.companyName.split(' ')[0] ?? '';
    expect(prefix).toMatch(/[^\x20-\x7e]/);
    const pages = await followPages<CustomerBody>(pc, `/customers?size=500&filter=${filterParam('CompanyName', prefix)}`, token);
    const names = pages.flatMap((page) => page.items.map((item) => item.companyProfile.companyName));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.toLowerCase().startsWith(prefix.toLowerCase())).toBe(true);
    expect(names).toContain(customer?.companyProfile.companyName);
  });

  it('refuses filters it does not support', async () => {
    const bad = [
      encodeURIComponent('{"Field":"Domain"'),
      encodeURIComponent(JSON.stringify({ Field: 'Domain', Value: 'a', Operator: 'equals' })),
      encodeURIComponent(JSON.stringify({ Field: 'Country', Value: 'a', Operator: 'starts_with' })),
    ];
    for (const filter of bad) expect((await pc.call(`/customers?filter=${filter}`, { token })).status).toBe(400);
  });

  it('returns one customer by id with billing profile and allowDelegatedAccess, and a PartnerFD 404 for an unknown id', async () => {
    const expected = pc.state.world.customerAt(42);
    const response = await pc.call(`/customers/${expected?.id ?? ''}`, { token });
    expect(response.status).toBe(200);
    const customer = (await response.json()) as CustomerBody;
    expect(customer).toMatchObject({ id: expected?.id, companyProfile: expected?.companyProfile, relationshipToPartner: expected?.relationshipToPartner, allowDelegatedAccess: expected?.allowDelegatedAccess });
    expect(customer.billingProfile?.email).toBe(expected?.billingProfile.email);

    const missing = await pc.call('/customers/00000000-0000-4000-8000-000000000000', { token });
    expect(missing.status).toBe(404);
    expect((await missing.json()) as ErrorBody).toMatchObject({ code: expect.any(Number) as number, description: expect.stringContaining('00000000-0000-4000-8000-000000000000') as string, data: [], source: 'PartnerFD' });
  });
});

describe('Partner Center customers at 100,000', () => {
  it('serves a filtered scan and a deep page of a 100,000-customer world', async () => {
    const pc = await startPartnerCenter({ customers: 100_000 });
    try {
      const token = await pc.userToken();
      const world = pc.state.world;
      const target = world.customerAt(99_998);
      const domain = target?.companyProfile.domain ?? '';
      // The exact domain is unique (it ends with the customer's index), so the scan must reach the very end.
      const exact = (await (await pc.call(`/customers?filter=${filterParam('Domain', domain)}`, { token })).json()) as CollectionBody<CustomerBody>;
      expect(exact.items.map((customer) => customer.id)).toEqual([target?.id]);
      expect(exact.links.next).toBeUndefined();

      const broad = await followPages<CustomerBody>(pc, `/customers?size=500&filter=${filterParam('CompanyName', 'zürich')}`, token);
      const names = broad.flatMap((page) => page.items.map((customer) => customer.companyProfile.companyName));
      expect(names.length).toBeGreaterThan(1000);
      for (const name of names) expect(name.startsWith('Zürich')).toBe(true);

      const last = (await (await pc.call('/customers/' + (world.customerIdAt(99_999) ?? ''), { token })).json()) as CustomerBody;
      expect(last.id).toBe(world.customerIdAt(99_999));
    } finally {
      await pc.close();
    }
  });
});
