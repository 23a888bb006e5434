import { performance } from 'node:perf_hooks';
import type { LocalCloud } from '../emulators/local-cloud';
import { EventBus } from '../electron/ipc/event-bus';
import type { CustomersProgress } from '../shared/ipc/partner-center-contract';
import type { ConsentedProfile } from './consented-profile';
import { median, partnerCenterToken } from './support';

/**
 * Full customers sync through the app's real service path, against a baseline that only fetches the same pages and
 * parses them (the practical limit), in one run against the same emulator. The service path is what the window's
 * customers.sync starts: `partnerCenter.syncCustomers` for a consented profile (its token service redeemed the
 * refresh token once and serves the access token from memory), each page mapped to rows and emitted through a real
 * EventBus (which checks every event against the contract), and the encrypted cache written at the end. A run ends
 * at the `done` event, which comes after the cache write. Reported as medians and the ratio service / baseline.
 */
export interface CustomersSyncResult {
  readonly customers: number;
  readonly runs: number;
  readonly baselineMedianMs: number;
  readonly serviceMedianMs: number;
  readonly ratio: number;
  readonly target: number;
  readonly baselineRunsMs: readonly number[];
  readonly serviceRunsMs: readonly number[];
  /** What the service path measures beyond the baseline's requests. */
  readonly servicePath: string;
}

/** A run that has not ended by then is stuck, not slow. */
const RUN_TIMEOUT_MS = 60_000;

/** The baseline: the same requests, continuation headers and JSON parsing, and nothing else. */
async function baseline(cloud: LocalCloud, bearer: string): Promise<number> {
  let count = 0;
  let uri: string | undefined = '/customers?size=500';
  let headers: Record<string, string> = {};
  while (uri) {
    const response = await fetch(`${cloud.endpoints.partnerCenter}/v1${uri}`, { headers: { authorization: `Bearer ${bearer}`, ...headers } });
    const body = (await response.json()) as { items: unknown[]; links?: { next?: { uri: string; headers: Array<{ key: string; value: string }> } } };
    count += body.items.length;
    uri = body.links?.next?.uri;
    headers = Object.fromEntries((body.links?.next?.headers ?? []).map((header) => [header.key, header.value]));
  }
  return count;
}

/** One sync as the customers.sync handler starts it, until its last event; returns the rows it loaded. */
async function serviceSync(profile: ConsentedProfile, bus: EventBus): Promise<number> {
  const { profileId } = profile;
  return new Promise<number>((resolve, reject) => {
    let syncId: string | null = null;
    const early: CustomersProgress[] = [];
    const timer = setTimeout(() => finish(new Error(`the customers sync did not end within ${String(RUN_TIMEOUT_MS)} ms`)), RUN_TIMEOUT_MS);
    const settle = (event: CustomersProgress): void => {
      if (event.state === 'page') return;
      if (event.state === 'done' && event.cached) finish(null, event.loaded);
      else finish(new Error(`the customers sync ended ${event.state === 'done' ? 'without writing the cache' : event.state === 'failed' ? `with ${event.error}` : event.state}`));
    };
    const stop = bus.listen((event, payload) => {
      if (event !== 'customers.progress') return;
      const progress = payload as CustomersProgress;
      // The last event may overtake the answer that names the sync: keep events until its id is known.
      if (syncId === null) early.push(progress);
      else if (progress.syncId === syncId) settle(progress);
    });
    function finish(error: Error | null, loaded = 0): void {
      clearTimeout(timer);
      stop();
      if (error) reject(error);
      else resolve(loaded);
    }
    profile.services.partnerCenter
      .syncCustomers(profileId, 'en', (event, id) => bus.emit('customers.progress', { ...event, profileId, syncId: id }))
      .then((started) => {
        if (started.alreadyRunning) throw new Error('another customers sync was running');
        syncId = started.syncId;
        for (const progress of early.splice(0)) if (progress.syncId === syncId) settle(progress);
      })
      .catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
  });
}

export async function benchCustomersSync(options: { readonly cloud: LocalCloud; readonly profile: ConsentedProfile; readonly runs: number }): Promise<CustomersSyncResult> {
  const { cloud, profile } = options;
  const customers = cloud.state.world.customerCount;
  const bearer = await partnerCenterToken(cloud);
  const bus = new EventBus();
  // Warm both paths (emulator caches, JIT, the profile's one token redemption) before measuring, then alternate
  // them so drift hits both equally.
  await baseline(cloud, bearer);
  await serviceSync(profile, bus);
  const baselineMs: number[] = [];
  const serviceMs: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    let start = performance.now();
    const fetched = await baseline(cloud, bearer);
    baselineMs.push(performance.now() - start);
    start = performance.now();
    const synced = await serviceSync(profile, bus);
    serviceMs.push(performance.now() - start);
    if (fetched !== customers || synced !== customers) throw new Error(`expected ${String(customers)} customers, got ${String(fetched)} / ${String(synced)}`);
  }
  const baselineMedianMs = median(baselineMs);
  const serviceMedianMs = median(serviceMs);
  return {
    customers,
    runs: options.runs,
    baselineMedianMs: Math.round(baselineMedianMs),
    serviceMedianMs: Math.round(serviceMedianMs),
    ratio: Number((serviceMedianMs / baselineMedianMs).toFixed(3)),
    target: 1.25,
    baselineRunsMs: baselineMs.map((ms) => Math.round(ms)),
    serviceRunsMs: serviceMs.map((ms) => Math.round(ms)),
    servicePath: 'partnerCenter.syncCustomers for a consented profile: token service, mapping to rows, EventBus (zod) per page, encrypted cache write',
  };
}
