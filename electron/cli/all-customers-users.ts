import type { PartnerCenterClient } from '../services/partner-center/partner-center-client';
import { syncCustomers, syncUsersOfCustomers } from '../services/partner-center/partner-center-sync';
import type { CliIo } from './cli-io';

/**
 * `sam-desk users list --all-customers [--concurrency=N]`: the users of every customer of the partner, each with its
 * customerId, fetched a few customers at a time. The default keeps well inside Partner Center's throttling budget;
 * the client waits out any 429 it gets anyway. Progress goes to stderr, so stdout stays the data.
 */
export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 32;

/** The --concurrency value, or null when it is not a whole number from 1 to MAX_CONCURRENCY. */
export function parseConcurrency(value: string | true | undefined): number | null {
  if (value === undefined) return DEFAULT_CONCURRENCY;
  const parsed = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  return parsed >= 1 && parsed <= MAX_CONCURRENCY ? parsed : null;
}

export async function usersOfAllCustomers<T extends object>(client: PartnerCenterClient, options: { readonly concurrency: number; readonly deleted: boolean; readonly io: CliIo }): Promise<Array<T & { readonly customerId: string }>> {
  const customers = await syncCustomers<{ readonly id?: unknown }>({ client, now: () => options.io.now() });
  const customerIds = customers.map((customer) => (typeof customer.id === 'string' ? customer.id : '')).filter((id) => id !== '');
  const every = Math.max(1, Math.round(customerIds.length / 20));
  const byCustomer = await syncUsersOfCustomers<T>({
    client,
    customerIds,
    concurrency: options.concurrency,
    deleted: options.deleted,
    onCustomer: (_customerId, _users, done) => {
      if (done % every === 0 || done === customerIds.length) options.io.err(`users: ${String(done)} of ${String(customerIds.length)} customers\n`);
    },
  });
  // In the customers' order, whatever order the workers finished in.
  return customerIds.flatMap((customerId) => (byCustomer.get(customerId) ?? []).map((user) => ({ customerId, ...user })));
}
