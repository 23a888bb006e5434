import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalCloud, type LocalCloud } from '../emulators/local-cloud';
import { createPartnerCenterClient } from '../electron/services/partner-center/partner-center-client';
import { syncCustomers } from '../electron/services/partner-center/partner-center-sync';
import { median, partnerCenterToken } from './support';

/**
 * Full customers sync through the app's Partner Center service, against a baseline that only fetches the same
 * pages and parses them (the practical limit), in one run against the same emulator. Reported as medians and as
 * the ratio service / baseline.
 */
export interface CustomersSyncResult {
  readonly customers: number;
  readonly runs: number;
  readonly baselineMedianMs: number;
  readonly serviceMedianMs: number;
  readonly ratio: number;
  readonly target: number;
}

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

export async function benchCustomersSync(options: { readonly tlsDirectory: string; readonly customers: number; readonly runs: number }): Promise<CustomersSyncResult> {
  const cloud = await startLocalCloud({ tlsDirectory: join(options.tlsDirectory), world: { seed: 50, customers: options.customers, maxUsersPerCustomer: 5 } });
  try {
    const bearer = await partnerCenterToken(cloud);
    const client = createPartnerCenterClient({ baseUrl: cloud.endpoints.partnerCenter, accessToken: async () => bearer, locale: () => 'en-US' });
    // Warm both paths (emulator caches, JIT) before measuring, then alternate them so drift hits both equally.
    await baseline(cloud, bearer);
    await syncCustomers({ client, now: () => new Date() });
    const baselineMs: number[] = [];
    const serviceMs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      let start = performance.now();
      const fetched = await baseline(cloud, bearer);
      baselineMs.push(performance.now() - start);
      start = performance.now();
      const synced = await syncCustomers({ client, now: () => new Date() });
      serviceMs.push(performance.now() - start);
      if (fetched !== options.customers || synced.length !== options.customers) throw new Error(`expected ${String(options.customers)} customers, got ${String(fetched)} / ${String(synced.length)}`);
    }
    const baselineMedianMs = median(baselineMs);
    const serviceMedianMs = median(serviceMs);
    return { customers: options.customers, runs: options.runs, baselineMedianMs: Math.round(baselineMedianMs), serviceMedianMs: Math.round(serviceMedianMs), ratio: Number((serviceMedianMs / baselineMedianMs).toFixed(3)), target: 1.25 };
  } finally {
    await cloud.close();
  }
}
