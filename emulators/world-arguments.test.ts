import { describe, expect, it } from 'vitest';
import { defaultWorldOptions } from './data/world';
import { parseWorldArguments } from './world-arguments';

describe('the world size from the command line', () => {
  it('defaults to the demo world and reads each option', () => {
    expect(parseWorldArguments([])).toEqual({ world: defaultWorldOptions });
    expect(parseWorldArguments(['--customers=50000', '--seed=7', '--max-users=5', '--large-customer-users=100000'])).toEqual({
      world: { seed: 7, customers: 50_000, maxUsersPerCustomer: 5, largeCustomers: [{ index: 0, users: 100_000 }] },
    });
    expect(parseWorldArguments(['--customers=250000'])).toMatchObject({ world: { customers: 100_000 } });
  });

  it('refuses bad values, naming the option', () => {
    expect(parseWorldArguments(['--customers=many'])).toEqual({ error: '--customers must be a whole number, got "many".' });
    expect(parseWorldArguments(['--large-customer-users=200000'])).toMatchObject({ error: expect.stringContaining('--large-customer-users must be between 1') as unknown });
    expect(parseWorldArguments(['--customers=0', '--large-customer-users=5'])).toMatchObject({ error: expect.stringContaining('needs at least one customer') as unknown });
  });
});
