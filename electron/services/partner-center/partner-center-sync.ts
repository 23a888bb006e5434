import type { EncryptedCache } from './encrypted-cache';
import type { PartnerCenterClient } from './partner-center-client';

/**
 * Partner Center data for one profile: all customers, or the users of customers, streamed page by page with
 * progress, cancellable, and saved to the encrypted offline cache when complete (a partial list is never cached
 * as if it were the whole).
 */
export interface SyncProgress {
  readonly loaded: number;
  /** Partner Center's totalCount when it gives one; pages may disagree with it, so it is a hint, not a promise. */
  readonly total: number | null;
}

export async function syncCustomers<T>(options: {
  readonly client: PartnerCenterClient;
  readonly cache?: EncryptedCache;
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  /** Turns each Partner Center resource into what is kept (the window's rows); without it the resources are kept. */
  readonly map?: (item: unknown) => T;
  readonly onPage?: (items: readonly T[], progress: SyncProgress) => void;
  readonly now: () => Date;
}): Promise<T[]> {
  const all: T[] = [];
  let total: number | null = null;
  for await (const raw of options.client.pages<unknown>(`/customers?size=${String(options.pageSize ?? 500)}`, options.signal)) {
    const page = { totalCount: raw.totalCount, items: options.map ? raw.items.map(options.map) : (raw.items as T[]) };
    all.push(...page.items);
    // Partner Center's customer collections report the page's count; keep the largest figure seen as the hint.
    total = page.totalCount === null ? total : Math.max(total ?? 0, page.totalCount, all.length);
    options.onPage?.(page.items, { loaded: all.length, total });
  }
  await options.cache?.write(all, options.now());
  return all;
}

/**
 * The users of many customers, with at most `concurrency` customers in flight: enough to keep the pipe full,
 * few enough to stay inside Partner Center's throttling budget (the client backs off on 429 anyway).
 */
export async function syncUsersOfCustomers<T>(options: {
  readonly client: PartnerCenterClient;
  readonly customerIds: readonly string[];
  readonly concurrency: number;
  /** The soft-deleted users instead of the active ones. */
  readonly deleted?: boolean;
  readonly signal?: AbortSignal;
  readonly onCustomer?: (customerId: string, users: readonly T[], done: number) => void;
}): Promise<Map<string, T[]>> {
  const results = new Map<string, T[]>();
  const filter = options.deleted ? `&filter=${encodeURIComponent(DELETED_USERS_FILTER)}` : '';
  // The first failure stops the other workers too, rather than letting them spend the throttling budget for nothing.
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < options.customerIds.length) {
      const customerId = options.customerIds[next++] ?? '';
      const users: T[] = [];
      for await (const page of options.client.pages<T>(`/customers/${encodeURIComponent(customerId)}/users?size=500${filter}`, signal)) users.push(...page.items);
      results.set(customerId, users);
      options.onCustomer?.(customerId, users, ++done);
    }
  };
  const guarded = async (): Promise<void> => {
    try {
      await worker();
    } catch (error) {
      controller.abort();
      throw error;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, options.customerIds.length)) }, guarded));
  return results;
}

/** Partner Center lists a customer's active users unless asked for the soft-deleted ones with this filter. */
export const DELETED_USERS_FILTER = '{"Field":"UserState","Value":"Inactive","Operator":"equals"}';

/**
 * All users of one customer, active and soft-deleted (two listings, run side by side), streamed page by page with
 * progress and saved to the cache when both are complete.
 */
export async function syncUsersOfCustomer<T>(options: {
  readonly client: PartnerCenterClient;
  readonly customerId: string;
  readonly cache?: EncryptedCache;
  readonly signal?: AbortSignal;
  readonly map?: (item: unknown) => T;
  readonly onPage?: (items: readonly T[], progress: SyncProgress) => void;
  readonly now: () => Date;
}): Promise<T[]> {
  const base = `/customers/${encodeURIComponent(options.customerId)}/users?size=500`;
  const listings = [base, `${base}&filter=${encodeURIComponent(DELETED_USERS_FILTER)}`];
  const results: T[][] = listings.map(() => []);
  const totals: Array<number | null> = listings.map(() => null);
  let loaded = 0;
  // A failure in one listing stops the other, so a half-read customer is never reported as done.
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  await Promise.all(
    listings.map(async (path, index) => {
      try {
        for await (const raw of options.client.pages<unknown>(path, signal)) {
          const items = options.map ? raw.items.map(options.map) : (raw.items as T[]);
          results[index]?.push(...items);
          loaded += items.length;
          totals[index] = raw.totalCount === null ? totals[index] ?? null : Math.max(totals[index] ?? 0, raw.totalCount, results[index]?.length ?? 0);
          const known = totals.filter((value): value is number => value !== null);
          const total = known.length === totals.length ? known.reduce((sum, value) => sum + value, 0) : null;
          options.onPage?.(items, { loaded, total });
        }
      } catch (error) {
        controller.abort();
        throw error;
      }
    }),
  );
  const all = results.flat();
  await options.cache?.write(all, options.now());
  return all;
}
