import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerUser } from '../data/world';
import { followPages, startPartnerCenter, type CollectionBody, type ErrorBody, type PartnerCenterHarness } from './test-support';

interface UserBody {
  id: string;
  userPrincipalName: string;
  displayName: string;
  state: string;
  softDeletionTime?: string;
  attributes: { objectType: string };
}

const DELETED = encodeURIComponent(JSON.stringify({ Field: 'UserState', Value: 'Inactive', Operator: 'equals' }));

describe('Partner Center customer users', () => {
  let pc: PartnerCenterHarness;
  let token: string;
  let customerId: string;
  let users: CustomerUser[];

  beforeAll(async () => {
    pc = await startPartnerCenter({ customers: 200, maxUsersPerCustomer: 60 });
    token = await pc.userToken();
    const world = pc.state.world;
    // A customer with enough active users for several pages and at least two deleted ones.
    customerId =
      Array.from({ length: world.customerCount }, (_, index) => world.customerIdAt(index) ?? '').find((id) => {
        const all = world.usersOf(id);
        return all.filter((user) => user.state === 'active').length >= 23 && all.filter((user) => user.state === 'inactive').length >= 2;
      }) ?? '';
    expect(customerId).not.toBe('');
    users = world.usersOf(customerId);
  });
  afterAll(() => pc.close());

  it('lists active users only, paged by following links.next', async () => {
    const pages = await followPages<UserBody>(pc, `/customers/${customerId}/users?size=5`, token);
    const active = users.filter((user) => user.state === 'active');
    expect(pages).toHaveLength(Math.ceil(active.length / 5));
    expect(pages.flatMap((page) => page.items.map((user) => user.id))).toEqual(active.map((user) => user.id));
    for (const page of pages) expect(page.totalCount).toBe(page.items.length);
    const first = pages[0]?.items[0];
    expect(first).toMatchObject({ userPrincipalName: active[0]?.userPrincipalName, displayName: active[0]?.displayName, state: 'active', attributes: { objectType: 'CustomerUser' } });
    expect(first?.softDeletionTime).toBeUndefined();
    expect(pages[0]?.links.next?.uri).toBe(`/customers/${customerId}/users?size=5&seekOperation=Next`);
  });

  it('lists the soft-deleted users with the UserState filter, across pages', async () => {
    const pages = await followPages<UserBody>(pc, `/customers/${customerId}/users?size=1&filter=${DELETED}`, token);
    const deleted = users.filter((user) => user.state === 'inactive');
    expect(pages.flatMap((page) => page.items.map((user) => user.id))).toEqual(deleted.map((user) => user.id));
    for (const user of pages.flatMap((page) => page.items)) {
      expect(user.state).toBe('inactive');
      expect(Date.parse(user.softDeletionTime ?? '')).not.toBeNaN();
    }
  });

  it('binds a users continuation token to its customer', async () => {
    const first = (await (await pc.call(`/customers/${customerId}/users?size=5`, { token })).json()) as CollectionBody<UserBody>;
    const continuation = first.links.next?.headers[0]?.value ?? '';
    const otherCustomer = pc.state.world.customerIdAt(pc.state.world.customerIndex(customerId) === 0 ? 1 : 0) ?? '';
    const response = await pc.call(`/customers/${otherCustomer}/users?size=5&seekOperation=Next`, { token, headers: { 'MS-ContinuationToken': continuation } });
    expect(response.status).toBe(400);
  });

  it('answers 404 for an unknown customer and 400 for an unsupported filter', async () => {
    const missing = await pc.call('/customers/11111111-2222-4333-8444-555555555555/users', { token });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).source).toBe('PartnerFD');
    const wrong = encodeURIComponent(JSON.stringify({ Field: 'UserState', Value: 'Inactive', Operator: 'starts_with' }));
    expect((await pc.call(`/customers/${customerId}/users?filter=${wrong}`, { token })).status).toBe(400);
  });
});
