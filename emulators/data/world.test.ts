import { describe, expect, it } from 'vitest';
import { World } from './world';

const NON_ASCII = /[^\x20-\x7e]/;

function snapshot(world: World, customers: number[]): unknown {
  return {
    partner: world.partner,
    admins: world.admins,
    app: world.app,
    customers: customers.map((index) => world.customerAt(index)),
    users: customers.map((index) => world.usersOf(world.customerIdAt(index) ?? '')),
  };
}

describe('seeded world', () => {
  it('is the same world for the same seed, and a different one for another seed', () => {
    const options = { seed: 77, customers: 500, maxUsersPerCustomer: 30 };
    const sample = [0, 1, 17, 250, 499];
    expect(snapshot(new World(options), sample)).toEqual(snapshot(new World(options), sample));
    const other = new World({ ...options, seed: 78 });
    expect(other.customerIdAt(0)).not.toBe(new World(options).customerIdAt(0));
    expect(snapshot(other, sample)).not.toEqual(snapshot(new World(options), sample));
  });

  it('does not depend on the order customers are asked for', () => {
    const options = { seed: 5, customers: 100, maxUsersPerCustomer: 20 };
    const forward = new World(options);
    const backward = new World(options);
    const forwardCustomers = Array.from({ length: 100 }, (_, index) => forward.customerAt(index));
    const backwardCustomers = Array.from({ length: 100 }, (_, index) => backward.customerAt(99 - index)).reverse();
    expect(backwardCustomers).toEqual(forwardCustomers);
  });

  it('makes 100,000 customers usable: unique ids, lookups by id at both ends, lazily generated details', () => {
    const world = new World({ seed: 20_261_124, customers: 100_000, maxUsersPerCustomer: 40 });
    expect(world.customerCount).toBe(100_000);
    const ids = new Set(Array.from({ length: world.customerCount }, (_, index) => world.customerIdAt(index)));
    expect(ids.size).toBe(100_000);
    expect(world.customerIdAt(100_000)).toBeUndefined();
    for (const index of [0, 50_000, 99_999]) {
      const id = world.customerIdAt(index) ?? '';
      expect(world.customerIndex(id.toUpperCase())).toBe(index);
      expect(world.customerById(id)?.companyProfile.tenantId).toBe(id);
      expect(world.usersOf(id).length).toBe(world.customerById(id)?.userCount);
    }
    expect(world.customerById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(world.usersOf('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('gives companyAt the same company name and domain as the full customer', () => {
    const world = new World({ seed: 9, customers: 2_000, maxUsersPerCustomer: 10 });
    for (let index = 0; index < world.customerCount; index += 7) {
      const customer = world.customerAt(index);
      expect(world.companyAt(index)).toEqual({ companyName: customer?.companyProfile.companyName, domain: customer?.companyProfile.domain });
    }
    expect(world.companyAt(2_000)).toBeUndefined();
  });

  it('has the names partners really have: non-ASCII company and user names, ASCII-only domains and UPNs', () => {
    const world = new World({ seed: 11, customers: 300, maxUsersPerCustomer: 40 });
    const customers = Array.from({ length: 300 }, (_, index) => world.customerAt(index));
    const users = customers.flatMap((customer) => world.usersOf(customer?.id ?? ''));
    expect(customers.some((customer) => NON_ASCII.test(customer?.companyProfile.companyName ?? ''))).toBe(true);
    expect(users.some((user) => NON_ASCII.test(user.displayName))).toBe(true);
    for (const customer of customers) expect(customer?.companyProfile.domain).toMatch(/^[a-z0-9]+\.onmicrosoft\.com$/);
    for (const user of users) expect(user.userPrincipalName).toMatch(/^[a-z0-9.]+@[a-z0-9]+\.onmicrosoft\.com$/);
    expect(new Set(users.map((user) => user.userPrincipalName)).size).toBe(users.length);
  });

  it('soft-deletes some users (inactive, with a deletion time) and keeps most active', () => {
    const world = new World({ seed: 11, customers: 200, maxUsersPerCustomer: 40 });
    const users = Array.from({ length: 200 }, (_, index) => world.usersOf(world.customerIdAt(index) ?? '')).flat();
    const inactive = users.filter((user) => user.state === 'inactive');
    expect(inactive.length).toBeGreaterThan(0);
    expect(inactive.length).toBeLessThan(users.length / 4);
    for (const user of inactive) expect(Date.parse(user.softDeletionTime ?? '')).not.toBeNaN();
    for (const user of users.filter((candidate) => candidate.state === 'active')) expect(user.softDeletionTime).toBeUndefined();
  });
});

describe('a large customer', () => {
  const options = { seed: 20_261_124, customers: 1_000, maxUsersPerCustomer: 40 };
  const large = new World({ ...options, largeCustomers: [{ index: 0, users: 100_000 }] });
  const plain = new World(options);

  it('has exactly the users asked for, with unique ids and UPNs, about one in eight deleted', () => {
    const id = large.customerIdAt(0) ?? '';
    const users = large.usersOf(id);
    expect(large.customerAt(0)?.userCount).toBe(100_000);
    expect(users).toHaveLength(100_000);
    expect(new Set(users.map((user) => user.id)).size).toBe(100_000);
    expect(new Set(users.map((user) => user.userPrincipalName)).size).toBe(100_000);
    const active = large.usersInState(id, 'active');
    const inactive = large.usersInState(id, 'inactive');
    expect(active.length + inactive.length).toBe(100_000);
    expect(inactive.length / 100_000).toBeCloseTo(0.125, 2);
    expect(active.every((user) => user.state === 'active')).toBe(true);
  });

  it('leaves the rest of the world as the seed gives it, and its own details but the user count', () => {
    const sample = [1, 2, 500, 999];
    expect(snapshot(large, sample)).toEqual(snapshot(plain, sample));
    expect({ ...large.customerAt(0), userCount: 0 }).toEqual({ ...plain.customerAt(0), userCount: 0 });
    // Users are drawn one after another from the customer's generator, so the plain world's users come first.
    const plainUsers = plain.usersOf(plain.customerIdAt(0) ?? '');
    expect(large.usersOf(large.customerIdAt(0) ?? '').slice(0, plainUsers.length)).toEqual(plainUsers);
  });

  it('is deterministic, and the kept list gives the same users as a fresh world makes', () => {
    const id = large.customerIdAt(0) ?? '';
    const again = new World({ ...options, largeCustomers: [{ index: 0, users: 100_000 }] });
    expect(large.usersOf(id)).toEqual(again.usersOf(id));
    expect(large.usersInState(id, 'active')).toEqual(again.usersInState(id, 'active'));
  });

  it('keeps the list: the same users every call, the per-state list without copying, usersOf as a fresh array', () => {
    const id = large.customerIdAt(0) ?? '';
    const first = large.usersOf(id);
    const second = large.usersOf(id);
    expect(second).not.toBe(first);
    expect(second.every((user, index) => user === first[index])).toBe(true);
    first.reverse();
    expect(large.usersOf(id)[0]).toBe(second[0]);
    expect(large.usersInState(id, 'active')).toBe(large.usersInState(id, 'active'));
  });

  it('stays kept while other long lists are made around it, as a sync of many customers does', () => {
    const world = new World({ seed: 3, customers: 50, maxUsersPerCustomer: 2_000, largeCustomers: [{ index: 0, users: 100_000 }] });
    const id = world.customerIdAt(0) ?? '';
    const kept = world.usersInState(id, 'active');
    for (let index = 1; index < 50; index++) {
      world.usersInState(world.customerIdAt(index) ?? '', 'active');
      if (index % 8 === 0) expect(world.usersInState(id, 'active')).toBe(kept);
    }
    expect(world.usersInState(id, 'active')).toBe(kept);
  });

  it('pages fast once made: every page of 500 in a few milliseconds, not a regeneration per page', () => {
    const world = new World({ ...options, largeCustomers: [{ index: 3, users: 100_000 }] });
    const id = world.customerIdAt(3) ?? '';
    const pages = Math.ceil(world.usersInState(id, 'active').length / 500);
    const start = performance.now();
    for (let page = 0; page < pages; page++) world.usersInState(id, 'active').slice(page * 500, page * 500 + 500);
    // One regeneration alone takes about 600 ms.
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('refuses an index outside the world and a user count that is not a positive whole number', () => {
    expect(() => new World({ ...options, largeCustomers: [{ index: 1_000, users: 10 }] })).toThrow(RangeError);
    expect(() => new World({ ...options, largeCustomers: [{ index: -1, users: 10 }] })).toThrow(RangeError);
    expect(() => new World({ ...options, largeCustomers: [{ index: 0, users: 0 }] })).toThrow(RangeError);
    expect(() => new World({ ...options, largeCustomers: [{ index: 0, users: 2.5 }] })).toThrow(RangeError);
  });
});

describe('a named customer', () => {
  const options = { seed: 7, customers: 20, maxUsersPerCustomer: 5 };
  const hostile = 'Evil\u001b[2J Corp\u009b31m \u202eBA\u200d';
  const named = new World({ ...options, namedCustomers: [{ index: 3, companyName: hostile }] });
  const plain = new World(options);

  it('carries the given name exactly, in the listing, the search fields and its users’ display names', () => {
    expect(named.customerAt(3)?.companyProfile.companyName).toBe(hostile);
    expect(named.customerAt(3)?.billingProfile.companyName).toBe(hostile);
    expect(named.companyAt(3)?.companyName).toBe(hostile);
    for (const user of named.usersOf(named.customerIdAt(3) ?? '')) expect(user.displayName.endsWith(` (${hostile})`)).toBe(true);
  });

  it('leaves everything else as the seed gives it', () => {
    expect(snapshot(named, [0, 1, 2, 4, 19])).toEqual(snapshot(plain, [0, 1, 2, 4, 19]));
    const withName = named.customerAt(3);
    const without = plain.customerAt(3);
    expect(withName?.companyProfile.domain).toBe(without?.companyProfile.domain);
    expect(named.usersOf(named.customerIdAt(3) ?? '').map((user) => user.userPrincipalName)).toEqual(plain.usersOf(plain.customerIdAt(3) ?? '').map((user) => user.userPrincipalName));
    expect(() => new World({ ...options, namedCustomers: [{ index: 20, companyName: 'x' }] })).toThrow(RangeError);
  });
});
