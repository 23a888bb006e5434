import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPartnerCenter, type CollectionBody, type PartnerCenterHarness } from './test-support';

interface Listed {
  id: string;
  links: { self: { uri: string } };
}

/**
 * The response shapes Partner Center documents or sends besides its examples, each chosen by a setting: error codes
 * as strings, links with the /v1 prefix, and the two ways a listing fails to end (a continuation that repeats, pages
 * that never end).
 */
describe('Partner Center response shapes', () => {
  let pc: PartnerCenterHarness;
  beforeAll(async () => {
    pc = await startPartnerCenter({ customers: 25 });
  });
  afterAll(() => pc.close());
  beforeEach(() => pc.state.reset());

  const page = async (path: string, continuation?: string): Promise<CollectionBody<Listed>> =>
    (await (await pc.call(path, continuation === undefined ? {} : { headers: { 'MS-ContinuationToken': continuation } })).json()) as CollectionBody<Listed>;
  const tokenOf = (body: CollectionBody<Listed>): string => body.links.next?.headers.find((header) => header.key === 'MS-ContinuationToken')?.value ?? '';

  it('types error codes as numbers by default and as strings when set, on every error', async () => {
    const noMfa = await pc.userToken({ amr: ['pwd'] });
    expect(await (await pc.call('/customers', { token: noMfa })).json()).toMatchObject({ code: 900421, source: 'PartnerFD' });
    pc.state.settings.partnerCenterErrorCode = 'string';
    expect(await (await pc.call('/customers', { token: noMfa })).json()).toMatchObject({ code: '900421', source: 'PartnerFD' });
    expect(await (await pc.call('/customers/00000000-0000-0000-0000-000000000000')).json()).toMatchObject({ code: '60003' });
    expect(await (await pc.call('/customers?size=x')).json()).toMatchObject({ code: '3000' });
  });

  it('writes links relative to /v1 by default and with the prefix when set, for the collection and its items', async () => {
    const relative = await page('/customers?size=10');
    expect(relative.links.self.uri).toBe('/customers?size=10');
    expect(relative.links.next?.uri).toBe('/customers?size=10&seekOperation=Next');
    pc.state.settings.partnerCenterLinks = 'v1';
    const prefixed = await page('/customers?size=10');
    expect(prefixed.links.self.uri).toBe('/v1/customers?size=10');
    expect(prefixed.links.next?.uri).toBe('/v1/customers?size=10&seekOperation=Next');
    expect(prefixed.items[0]?.links.self.uri).toBe(`/v1/customers/${prefixed.items[0]?.id ?? ''}`);
  });

  it('repeats the request’s own continuation on every page after the first when set', async () => {
    pc.state.settings.partnerCenterPaging = 'repeated-continuation';
    const first = await page('/customers?size=10');
    const second = await page('/customers?size=10&seekOperation=Next', tokenOf(first));
    const third = await page('/customers?size=10&seekOperation=Next', tokenOf(second));
    expect(tokenOf(second)).toBe(tokenOf(first));
    expect(third.items.map((customer) => customer.id)).toEqual(second.items.map((customer) => customer.id));
    expect(third.links.next).toEqual(second.links.next);
  });

  it('never ends when set: empty pages past the last customer, each naming a fresh next page', async () => {
    pc.state.settings.partnerCenterPaging = 'endless';
    let body = await page('/customers?size=10');
    const seen = new Set<string>();
    const counts: number[] = [];
    for (let index = 0; index < 6; index++) {
      counts.push(body.items.length);
      expect(body.links.next).toBeDefined();
      expect(seen.has(tokenOf(body))).toBe(false);
      seen.add(tokenOf(body));
      body = await page('/customers?size=10&seekOperation=Next', tokenOf(body));
    }
    expect(counts).toEqual([10, 10, 5, 0, 0, 0]);
    pc.state.settings.partnerCenterPaging = 'finite';
    expect((await page('/customers?size=25')).links.next).toBeUndefined();
  });
});
