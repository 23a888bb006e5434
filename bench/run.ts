import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureTlsMaterial } from '../emulators/core/tls-certificate';
import { benchPartnerScale } from './partner-scale';
import { customersSyncLine, partnerScaleLines, usersThrottledLine } from './summary';
import { benchUsersSyncThrottled } from './users-sync-throttled';

/**
 * `npm run bench`: the performance claims SAM Desk makes, measured in one run against a baseline measured in the
 * same run. Results go to bench/results.json and are summarised on stdout (and in docs/performance.md). It needs the built
 * renderer (`npm run bench` builds first), Chromium, and an OS keychain (`npm run bench` runs it under
 * scripts/with-keyring.mjs), since the app under test keeps the profile's refresh token and cache key there.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const tlsDirectory = `${root}.emulators/tls`;
const tls = await ensureTlsMaterial(tlsDirectory);
if (process.env.NODE_EXTRA_CA_CERTS !== tls.caBundlePath) {
  // Node reads NODE_EXTRA_CA_CERTS only at start: run again with it, so fetch (here and in the app it starts) trusts
  // the local cloud. The rest of the environment, the keychain session's D-Bus address included, goes along.
  const child = spawnSync(process.execPath, process.execArgv.concat(process.argv.slice(1)), { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caBundlePath } });
  process.exit(child.status ?? 1);
}

const partnerScale = await benchPartnerScale({
  tlsDirectory,
  customers: 50_000,
  largeCustomerUsers: 100_000,
  syncRuns: 5,
  firstRowsRuns: 5,
  filterRounds: 5,
  filterTargetMs: 16,
  offlineRuns: 5,
});
// 100 requests, then 1 s: Retry-After's whole seconds make this the finest budget, so the retry loop is tested
// on the most waits (9 for 1,000 customers) a run of about ten seconds can have.
const usersThrottled = await benchUsersSyncThrottled({
  tlsDirectory,
  customers: 1_000,
  maxUsersPerCustomer: 40,
  budget: { requests: 100, retryAfterSeconds: 1 },
  concurrency: 8,
  runs: 3,
});
const { customersSync, firstRows, tables, offlineStart } = partnerScale;
const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  customersSync,
  usersSyncThrottled: usersThrottled,
  firstRowsCold: firstRows,
  filterLatency: tables.filter,
  domRows: tables.domRows,
  rendererHeap: tables.heap,
  usersOnline: tables.usersOnline,
  offlineColdStart: offlineStart,
};
mkdirSync(`${root}bench`, { recursive: true });
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${[customersSyncLine(customersSync), usersThrottledLine(usersThrottled), ...partnerScaleLines(partnerScale)].join('\n')}\n`);
