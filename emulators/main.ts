import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorldOptions, type WorldOptions } from './data/world';
import { describeLocalCloud, writeDescriptor } from './descriptor';
import { demoPorts, startLocalCloud } from './local-cloud';
import { localCloudSummary } from './summary';

/**
 * `npm run emulators`: the local Microsoft cloud as a standalone process, for the demo, benchmarks and manual
 * testing (`--help` lists the options). Writes .emulators/local-cloud.json for the app and scripts to find it.
 */
const stateDirectory = fileURLToPath(new URL('../.emulators/', import.meta.url));

/** Making a 100,000-user list takes about 0.6 s and 75 MB (once: the world keeps it), like the largest tenants partners manage. */
const MAX_LARGE_CUSTOMER_USERS = 100_000;

const usage = `Usage: npm run emulators -- [options]
  --customers=N              customers in the partner's world (default ${String(defaultWorldOptions.customers)}, at most 100,000)
  --seed=N                   the world's seed: the same seed gives the same partner, customers and users (default ${String(defaultWorldOptions.seed)})
  --max-users=N              users per customer are drawn between 1 and N (default ${String(defaultWorldOptions.maxUsersPerCustomer)})
  --large-customer-users=N   the first customer has exactly N users (at most ${MAX_LARGE_CUSTOMER_USERS.toLocaleString('en-US')}); the rest of the world is unchanged
  --ports=any                free ports instead of the fixed demo ports
  --help                     this text
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(usage);
  process.exit(0);
}

function option(name: string): number | undefined {
  const value = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    process.stderr.write(`emulators: --${name} must be a whole number, got "${value}".\n`);
    process.exit(2);
  }
  return parsed;
}

const largeCustomerUsers = option('large-customer-users');
if (largeCustomerUsers !== undefined && (largeCustomerUsers < 1 || largeCustomerUsers > MAX_LARGE_CUSTOMER_USERS)) {
  process.stderr.write(`emulators: --large-customer-users must be between 1 and ${String(MAX_LARGE_CUSTOMER_USERS)}, got ${String(largeCustomerUsers)}.\n`);
  process.exit(2);
}
const customers = Math.min(option('customers') ?? defaultWorldOptions.customers, 100_000);
if (largeCustomerUsers !== undefined && customers === 0) {
  process.stderr.write('emulators: --large-customer-users needs at least one customer (--customers=0 was given).\n');
  process.exit(2);
}

const world: WorldOptions = {
  seed: option('seed') ?? defaultWorldOptions.seed,
  customers,
  maxUsersPerCustomer: option('max-users') ?? defaultWorldOptions.maxUsersPerCustomer,
  ...(largeCustomerUsers === undefined ? {} : { largeCustomers: [{ index: 0, users: largeCustomerUsers }] }),
};
const anyPort = process.argv.includes('--ports=any');

try {
  const cloud = await startLocalCloud({ tlsDirectory: join(stateDirectory, 'tls'), world, ...(anyPort ? {} : { ports: demoPorts }) });
  const descriptor = describeLocalCloud(cloud);
  const descriptorPath = join(stateDirectory, 'local-cloud.json');
  writeDescriptor(descriptorPath, descriptor);
  process.stdout.write(`${localCloudSummary(descriptor, descriptorPath)}Press Ctrl+C to stop.\n`);
  const stop = (): void => void cloud.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  process.stderr.write(
    code === 'EADDRINUSE'
      ? `emulators: a demo port (${Object.values(demoPorts).join(', ')}) is in use. Stop the other local cloud, or run with --ports=any.\n`
      : `emulators: could not start (${code ?? 'unknown error'}).\n`,
  );
  process.exit(1);
}
