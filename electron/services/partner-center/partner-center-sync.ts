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
  readonly onPage?: (items: readonly T[], progress: SyncProgress) => void;
  readonly now: () => Date;
}): Promise<T[]> {
  const all: T[] = [];
  let total: number | null = null;
  for await (const page of options.client.pages<T>(`/customers?size=${String(options.pageSize ?? 500)}`, options.signal)) {
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
  readonly signal?: AbortSignal;
  readonly onCustomer?: (customerId: string, users: readonly T[], done: number) => void;
}): Promise<Map<string, T[]>> {
  const results = new Map<string, T[]>();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < options.customerIds.length) {
      const customerId = options.customerIds[next++] ?? '';
      const users: T[] = [];
      for await (const page of options.client.pages<T>(`/customers/${encodeURIComponent(customerId)}/users?size=500`, options.signal)) users.push(...page.items);
      results.set(customerId, users);
      options.onCustomer?.(customerId, users, ++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, options.customerIds.length)) }, worker));
  return results;
}
