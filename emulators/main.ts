import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockPathFor, publishClock } from './clock-file';
import { describeLocalCloud, writeDescriptor } from './descriptor';
import { demoPorts, startLocalCloud } from './local-cloud';
import { localCloudSummary } from './summary';
import { parseWorldArguments, worldUsage } from './world-arguments';

/**
 * `npm run emulators`: the local Microsoft cloud as a standalone process, for the demo, benchmarks and manual
 * testing (`--help` lists the options). Writes .emulators/local-cloud.json for the app and scripts to find it.
 */
const stateDirectory = fileURLToPath(new URL('../.emulators/', import.meta.url));

const usage = `Usage: npm run emulators -- [options]
${worldUsage}  --ports=any                free ports instead of the fixed demo ports
  --help                     this text
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(usage);
  process.exit(0);
}

const parsed = parseWorldArguments(process.argv);
if ('error' in parsed) {
  process.stderr.write(`emulators: ${parsed.error}\n`);
  process.exit(2);
}
const { world } = parsed;
const anyPort = process.argv.includes('--ports=any');

try {
  const cloud = await startLocalCloud({ tlsDirectory: join(stateDirectory, 'tls'), world, ...(anyPort ? {} : { ports: demoPorts }) });
  const descriptorPath = join(stateDirectory, 'local-cloud.json');
  const clockPath = clockPathFor(descriptorPath);
  publishClock(cloud.state.clock, clockPath);
  const descriptor = describeLocalCloud(cloud, clockPath);
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
