import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureTlsMaterial } from '../emulators/core/tls-certificate';
import { benchCustomersSync } from './customers-sync';
import { benchUsersSyncThrottled } from './users-sync-throttled';

/**
 * `npm run bench`: the performance claims SAM Desk makes, measured in one run against a baseline measured in the
 * same run. Results go to bench/results.json and are summarised on stdout (and in the README).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const tls = await ensureTlsMaterial(`${root}.emulators/tls`);
if (process.env.NODE_EXTRA_CA_CERTS !== tls.caBundlePath) {
  // Node reads NODE_EXTRA_CA_CERTS only at start: run again with it, so fetch trusts the local cloud.
  const child = spawnSync(process.execPath, process.execArgv.concat(process.argv.slice(1)), { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caBundlePath } });
  process.exit(child.status ?? 1);
}
const customers = await benchCustomersSync({ tlsDirectory: `${root}.emulators/tls`, customers: 50_000, runs: 5 });
// 100 requests, then 1 s: Retry-After's whole seconds make this the finest budget, so the retry loop is tested
// on the most waits (9 for 1,000 customers) a run of about ten seconds can have.
const usersThrottled = await benchUsersSyncThrottled({
  tlsDirectory: `${root}.emulators/tls`,
  customers: 1_000,
  maxUsersPerCustomer: 40,
  budget: { requests: 100, retryAfterSeconds: 1 },
  concurrency: 8,
  runs: 3,
});
const results = { measuredAt: new Date().toISOString(), node: process.version, platform: `${process.platform}-${process.arch}`, customersSync: customers, usersSyncThrottled: usersThrottled };
mkdirSync(`${root}bench`, { recursive: true });
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(
  `Customers sync (${String(customers.customers)} customers, median of ${String(customers.runs)}): service ${String(customers.serviceMedianMs)} ms vs baseline ${String(customers.baselineMedianMs)} ms → ratio ${String(customers.ratio)} (target ≤ ${String(customers.target)}${customers.ratio <= customers.target ? ', met' : ', MISSED'})\n`,
);
process.stdout.write(
  `Throttled users sync (${String(usersThrottled.customers)} customers, ${String(usersThrottled.requests)} requests, budget ${String(usersThrottled.budget.requests)} per ${String(usersThrottled.budget.retryAfterSeconds)} s, concurrency ${String(usersThrottled.concurrency)}, median of ${String(usersThrottled.runs)}): service ${String(usersThrottled.medianMs)} ms vs minimum ${String(usersThrottled.minimumMs)} ms → ratio ${String(usersThrottled.ratio)} (unthrottled ${String(usersThrottled.unthrottledMs)} ms; idle beyond Retry-After ${String(usersThrottled.idleBeyondWaitsMedianMs)} ms over all waits; at most ${String(usersThrottled.maxAttempts)} attempts per request)\n`,
);
