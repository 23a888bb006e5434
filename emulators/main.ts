import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorldOptions } from './data/world';
import { describeLocalCloud, writeDescriptor } from './descriptor';
import { demoPorts, startLocalCloud } from './local-cloud';
import { localCloudSummary } from './summary';

/**
 * `npm run emulators`: the local Microsoft cloud as a standalone process, for the demo, benchmarks and manual
 * testing. Options: --customers=N --seed=N --max-users=N --ports=any (free ports instead of the fixed demo ports).
 * Writes .emulators/local-cloud.json for the app and scripts to find it.
 */
const stateDirectory = fileURLToPath(new URL('../.emulators/', import.meta.url));

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

const world = {
  seed: option('seed') ?? defaultWorldOptions.seed,
  customers: Math.min(option('customers') ?? defaultWorldOptions.customers, 100_000),
  maxUsersPerCustomer: option('max-users') ?? defaultWorldOptions.maxUsersPerCustomer,
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
