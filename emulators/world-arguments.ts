import { defaultWorldOptions, type WorldOptions } from './data/world';

/**
 * The seeded world's size from command-line options, shared by `npm run emulators` and `npm run demo`:
 * --customers, --seed, --max-users, --large-customer-users. Bad values are refused with a line naming the option.
 */
/** Making a 100,000-user list takes about 0.6 s and 75 MB (once: the world keeps it), like the largest tenants partners manage. */
export const MAX_LARGE_CUSTOMER_USERS = 100_000;
export const MAX_CUSTOMERS = 100_000;

export const worldUsage = `  --customers=N              customers in the partner's world (default ${String(defaultWorldOptions.customers)}, at most ${MAX_CUSTOMERS.toLocaleString('en-US')})
  --seed=N                   the world's seed: the same seed gives the same partner, customers and users (default ${String(defaultWorldOptions.seed)})
  --max-users=N              users per customer are drawn between 1 and N (default ${String(defaultWorldOptions.maxUsersPerCustomer)})
  --large-customer-users=N   the first customer has exactly N users (at most ${MAX_LARGE_CUSTOMER_USERS.toLocaleString('en-US')}); the rest of the world is unchanged
`;

export function parseWorldArguments(argv: readonly string[]): { readonly world: WorldOptions } | { readonly error: string } {
  const problems: string[] = [];
  const option = (name: string): number | undefined => {
    const value = argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) {
      problems.push(`--${name} must be a whole number, got "${value}".`);
      return undefined;
    }
    return parsed;
  };
  const largeCustomerUsers = option('large-customer-users');
  const customers = Math.min(option('customers') ?? defaultWorldOptions.customers, MAX_CUSTOMERS);
  const seed = option('seed') ?? defaultWorldOptions.seed;
  const maxUsersPerCustomer = option('max-users') ?? defaultWorldOptions.maxUsersPerCustomer;
  if (problems[0] !== undefined) return { error: problems[0] };
  if (largeCustomerUsers !== undefined && (largeCustomerUsers < 1 || largeCustomerUsers > MAX_LARGE_CUSTOMER_USERS)) {
    return { error: `--large-customer-users must be between 1 and ${String(MAX_LARGE_CUSTOMER_USERS)}, got ${String(largeCustomerUsers)}.` };
  }
  if (largeCustomerUsers !== undefined && customers === 0) return { error: '--large-customer-users needs at least one customer (--customers=0 was given).' };
  return { world: { seed, customers, maxUsersPerCustomer, ...(largeCustomerUsers === undefined ? {} : { largeCustomers: [{ index: 0, users: largeCustomerUsers }] }) } };
}
