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
