import { performance } from 'node:perf_hooks';
import { startLocalCloud } from '../emulators/local-cloud';
import { createPartnerCenterClient } from '../electron/services/partner-center/partner-center-client';
import { syncUsersOfCustomers } from '../electron/services/partner-center/partner-center-sync';
import { median, partnerCenterToken } from './support';

/**
 * The users of 1,000 customers through the app's Partner Center service while the emulator enforces a throttling
 * budget, against the least time that budget allows for the same requests. The budget is the emulator's: `requests`
 * requests, then 429 with Retry-After until `retryAfterSeconds` after the first refused one, then a full budget
 * again. So W = ceil(pages to fetch / budget requests) windows are needed and the W - 1 waits between them cannot be avoided:
 * the minimum is (W - 1) × retryAfterSeconds, whatever the client does. Reported as medians and the ratio
 * measured / minimum, with the same sync unthrottled beside it (the time the requests themselves take).
 */
export interface UsersSyncThrottledOptions {
  readonly tlsDirectory: string;
  readonly customers: number;
  /** Users of the first customer (an enterprise among small ones), if any; the others draw up to maxUsersPerCustomer. */
  readonly largeCustomerUsers?: number;
  readonly maxUsersPerCustomer: number;
  readonly budget: { readonly requests: number; readonly retryAfterSeconds: number };
  readonly concurrency: number;
  readonly runs: number;
}

export interface UsersSyncThrottledResult {
  readonly customers: number;
  readonly largeCustomerUsers: number;
  readonly users: number;
  /** Successful page requests the sync needs (size=500, active users). */
  readonly requests: number;
  readonly budget: { readonly requests: number; readonly retryAfterSeconds: number };
  readonly concurrency: number;
  readonly runs: number;
  readonly minimumMs: number;
  readonly medianMs: number;
  readonly ratio: number;
  readonly runsMs: readonly number[];
  /** The same sync without a budget (median of as many runs). */
  readonly unthrottledMs: number;
  /** 429 answers per run, and the most attempts any one request needed (the client gives up after 6). */
  readonly throttledResponses: readonly number[];
  readonly maxAttempts: number;
  /**
   * Per run, the idle time across all waits beyond Retry-After itself: from the last answer before each wait to the
   * first request let through after it, less retryAfterSeconds. What the retry loop loses; the rest of the gap to
   * the minimum is the requests' own time.
   */
  readonly idleBeyondWaitsMs: readonly number[];
  readonly idleBeyondWaitsMedianMs: number;
}

/** The page size the sync asks for, and Partner Center's largest. */
const PAGE_SIZE = 500;

interface Moment {
  readonly atMs: number;
  readonly kind: 'refused' | 'sent' | 'answered';
}

/**
 * Answers by status, attempts per logical request (the client sends one MS-RequestId on every attempt), and when
 * each attempt went out and came back. It wraps the real fetch and changes nothing.
 */
class FetchCounter {
  ok = 0;
  throttled = 0;
  private readonly attempts = new Map<string, number>();
  private readonly exchanges: { readonly sentMs: number; readonly answeredMs: number; readonly ok: boolean; readonly status: number }[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    const requestId = new Headers(init?.headers).get('ms-requestid') ?? '';
    this.attempts.set(requestId, (this.attempts.get(requestId) ?? 0) + 1);
    const sentMs = performance.now();
    const response = await fetch(input, init);
    this.exchanges.push({ sentMs, answeredMs: performance.now(), ok: response.ok, status: response.status });
    if (response.ok) this.ok += 1;
    else if (response.status === 429) this.throttled += 1;
    return response;
  };

  get maxAttempts(): number {
    return Math.max(0, ...this.attempts.values());
  }

  /**
   * Summed over the waits: the time from the last answer before each wait to the first request let through after
   * it, less the wait the budget imposes. A request sent once a 429 has come back can only pass after a refill, so
   * that marks the end of a wait even when parallel requests race for the budget's last places.
   */
  idleBeyond(waitMs: number): number {
    const moments = this.exchanges.flatMap((exchange): Moment[] =>
      exchange.status === 429 ? [{ atMs: exchange.answeredMs, kind: 'refused' }] : exchange.ok ? [{ atMs: exchange.sentMs, kind: 'sent' }, { atMs: exchange.answeredMs, kind: 'answered' }] : [],
    );
    let idle = 0;
    let lastAnsweredMs = 0;
    let refused = false;
    for (const moment of moments.sort((a, b) => a.atMs - b.atMs)) {
      if (moment.kind === 'refused') refused = true;
      else if (moment.kind === 'answered') lastAnsweredMs = moment.atMs;
      else if (refused) {
        idle += moment.atMs - lastAnsweredMs - waitMs;
        refused = false;
      }
    }
    return idle;
  }

  reset(): void {
    this.ok = 0;
    this.throttled = 0;
    this.attempts.clear();
    this.exchanges.length = 0;
  }
}

export async function benchUsersSyncThrottled(options: UsersSyncThrottledOptions): Promise<UsersSyncThrottledResult> {
  const largeCustomerUsers = options.largeCustomerUsers ?? 0;
  const world = { seed: 1_000, customers: options.customers, maxUsersPerCustomer: options.maxUsersPerCustomer, ...(largeCustomerUsers > 0 ? { largeCustomers: [{ index: 0, users: largeCustomerUsers }] } : {}) };
  const cloud = await startLocalCloud({ tlsDirectory: options.tlsDirectory, world });
  try {
    const customerIds = Array.from({ length: cloud.state.world.customerCount }, (_, index) => cloud.state.world.customerIdAt(index) ?? '');
    const activeUsers = customerIds.map((id) => cloud.state.world.usersInState(id, 'active').length);
    // A customer with no active users still costs one request (an empty page).
    const requests = activeUsers.reduce((sum, users) => sum + Math.max(1, Math.ceil(users / PAGE_SIZE)), 0);
    const users = activeUsers.reduce((sum, count) => sum + count, 0);
    const windows = Math.ceil(requests / options.budget.requests);
    if (windows < 2) throw new Error(`a budget of ${String(options.budget.requests)} requests covers all ${String(requests)}: nothing would be throttled`);
    const minimumMs = (windows - 1) * options.budget.retryAfterSeconds * 1000;

    const bearer = await partnerCenterToken(cloud);
    const counter = new FetchCounter();
    const client = createPartnerCenterClient({ baseUrl: cloud.endpoints.partnerCenter, accessToken: async () => bearer, locale: () => 'en-US', fetch: counter.fetch });
    const sync = async (): Promise<number> => {
      counter.reset();
      const start = performance.now();
      const synced = await syncUsersOfCustomers({ client, customerIds, concurrency: options.concurrency });
      const elapsed = performance.now() - start;
      const syncedUsers = [...synced.values()].reduce((sum, list) => sum + list.length, 0);
      if (synced.size !== customerIds.length || syncedUsers !== users || counter.ok !== requests) {
        throw new Error(`expected ${String(customerIds.length)} customers, ${String(users)} users in ${String(requests)} pages; got ${String(synced.size)}, ${String(syncedUsers)}, ${String(counter.ok)}`);
      }
      return elapsed;
    };

    // Unthrottled first: one run warms the emulator (a large customer's list is made once) and the JIT, the next
    // ones give the time the requests take on their own.
    await sync();
    const unthrottledRunsMs: number[] = [];
    for (let run = 0; run < options.runs; run++) unthrottledRunsMs.push(await sync());
    const runsMs: number[] = [];
    const throttledResponses: number[] = [];
    const idleBeyondWaitsMs: number[] = [];
    let maxAttempts = 0;
    for (let run = 0; run < options.runs; run++) {
      cloud.state.setThrottle('partnercenter', options.budget.requests, options.budget.retryAfterSeconds);
      runsMs.push(await sync());
      throttledResponses.push(counter.throttled);
      maxAttempts = Math.max(maxAttempts, counter.maxAttempts);
      idleBeyondWaitsMs.push(Math.round(counter.idleBeyond(options.budget.retryAfterSeconds * 1000)));
    }
    const medianMs = median(runsMs);
    return {
      customers: options.customers,
      largeCustomerUsers,
      users,
      requests,
      budget: options.budget,
      concurrency: options.concurrency,
      runs: options.runs,
      minimumMs,
      medianMs: Math.round(medianMs),
      ratio: Number((medianMs / minimumMs).toFixed(3)),
      runsMs: runsMs.map((ms) => Math.round(ms)),
      unthrottledMs: Math.round(median(unthrottledRunsMs)),
      throttledResponses,
      maxAttempts,
      idleBeyondWaitsMs,
      idleBeyondWaitsMedianMs: median(idleBeyondWaitsMs),
    };
  } finally {
    await cloud.close();
  }
}
