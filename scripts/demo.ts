import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockPathFor, publishClock } from '../emulators/clock-file';
import { describeLocalCloud, writeDescriptor } from '../emulators/descriptor';
import { anyPorts, demoPorts, startLocalCloud, type LocalCloud } from '../emulators/local-cloud';
import { localCloudSummary } from '../emulators/summary';
import { parseWorldArguments } from '../emulators/world-arguments';
import { DEMO_PROFILE_NAME, ensureDemoProfile } from './demo-profile';

/**
 * `npm run demo`: SAM Desk against the built-in local Microsoft cloud, for anyone without a tenant. Starts the
 * Entra ID, Key Vault and Partner Center emulators with a seeded partner, then the app (Electron, or browser mode
 * where Electron is absent) trusting the emulators' certificate and knowing where they are.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const stateDirectory = join(root, '.emulators');
mkdirSync(stateDirectory, { recursive: true });

// The demo partner's world: 300 customers unless --customers, --large-customer-users and the like say otherwise.
const parsed = parseWorldArguments(process.argv);
if ('error' in parsed) {
  process.stderr.write(`demo: ${parsed.error}\n`);
  process.exit(2);
}
const { world } = parsed;

async function start(): Promise<LocalCloud> {
  const tlsDirectory = join(stateDirectory, 'tls');
  if (process.argv.includes('--ports=any')) return startLocalCloud({ tlsDirectory, ports: anyPorts, world });
  try {
    return await startLocalCloud({ tlsDirectory, ports: demoPorts, world });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
    process.stdout.write(`The demo ports (${Object.values(demoPorts).join(', ')}) are busy; using free ports instead.\n`);
    return startLocalCloud({ tlsDirectory, ports: anyPorts, world });
  }
}

const cloud = await start();
// SAM_DESK_LOCAL_CLOUD moves the description (a second demo beside the usual one, as the e2e tests run).
const descriptorPath = process.env.SAM_DESK_LOCAL_CLOUD ?? join(stateDirectory, 'local-cloud.json');
// The app keeps the cloud's time, so moving the cloud's clock ages tokens in SAM Desk too (see app-clock.ts).
const clockPath = clockPathFor(descriptorPath);
publishClock(cloud.state.clock, clockPath);
const descriptor = describeLocalCloud(cloud, clockPath);
writeDescriptor(descriptorPath, descriptor);
process.stdout.write(localCloudSummary(descriptor, descriptorPath));

// The demo keeps its own settings folder, so trying SAM Desk never mixes demo profiles into real ones.
const appData = process.env.SAM_DESK_HOME ?? join(stateDirectory, 'app-data');
try {
  const created = await ensureDemoProfile(cloud, appData);
  process.stdout.write(`Demo profile "${DEMO_PROFILE_NAME}" ${created === 'created' ? 'created' : 'ready'}: open Connection profiles and click Consent.\n`);
} catch (error) {
  const code = (error as { code?: string }).code ?? '';
  process.stdout.write(`The demo profile could not be created${code ? ` (${code})` : ''}: create it in the app (the demo partner's details are in ${descriptorPath}).\n`);
}

// The app runs in its own process so that NODE_EXTRA_CA_CERTS is in place when it starts (Node reads it only then).
const app = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'start.ts'), ...process.argv.slice(2).filter((arg) => arg !== '--ports=any')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_EXTRA_CA_CERTS: cloud.tls.caBundlePath, SAM_DESK_LOCAL_CLOUD: descriptorPath, SAM_DESK_HOME: appData },
});
const stop = (code: number): void => void cloud.close().then(() => process.exit(code));
app.on('exit', (code) => stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
