import type { HandlersOf } from '../handler-table';
import { orFailure } from './failure';
import type { HandlerDeps } from './handler-deps';

/**
 * A profile's customers. `customers.cached` answers from the encrypted offline cache with no network; `customers.sync`
 * starts a sync in the background and returns its id at once; its pages, its end or its failure arrive as
 * `customers.progress` events.
 */
export function createCustomersHandlers({ services, bus }: HandlerDeps): HandlersOf<'customers'> {
  const data = services.partnerCenter;
  return {
    'customers.cached': async ({ profileId }) => data.cachedCustomers(profileId),
    'customers.sync': async ({ profileId, language }) =>
      orFailure(async () => {
        const started = await data.syncCustomers(profileId, language, (event, syncId) => bus.emit('customers.progress', { ...event, profileId, syncId }));
        return { ok: true, ...started };
      }),
    'customers.cancel': async ({ profileId }) => ({ cancelled: data.cancelCustomers(profileId) }),
  };
}
