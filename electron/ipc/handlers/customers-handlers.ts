import type { EventBus } from '../event-bus';
import type { HandlerTable } from '../handler-table';
import { classifyError } from '../../services/sam/classify-error';
import type { SamDeskServices } from '../../services/sam-desk-services';

type PartnerCenterHandlers = Pick<HandlerTable, 'customers.cached' | 'customers.sync' | 'customers.cancel' | 'users.cached' | 'users.sync' | 'users.cancel'>;

/**
 * Customers and users. `*.cached` answers from the encrypted offline cache with no network; `*.sync` starts a sync in
 * the background and returns its id at once; its pages, its end or its failure arrive as `*.progress` events.
 */
export function createPartnerCenterHandlers(services: SamDeskServices, bus: EventBus): PartnerCenterHandlers {
  const data = services.partnerCenter;
  const failure = (error: unknown) => {
    const mapped = classifyError(error);
    return { ok: false as const, error: mapped.code, detail: mapped.detail };
  };
  return {
    'customers.cached': async ({ profileId }) => data.cachedCustomers(profileId),
    'customers.sync': async ({ profileId, language }) => {
      try {
        const started = await data.syncCustomers(profileId, language, (event, syncId) => bus.emit('customers.progress', { ...event, profileId, syncId }));
        return { ok: true, ...started };
      } catch (error) {
        return failure(error);
      }
    },
    'customers.cancel': async ({ profileId }) => ({ cancelled: data.cancelCustomers(profileId) }),
    'users.cached': async ({ profileId, customerId }) => data.cachedUsers(profileId, customerId),
    'users.sync': async ({ profileId, customerId, language }) => {
      try {
        const started = await data.syncUsers(profileId, customerId, language, (event, syncId) => bus.emit('users.progress', { ...event, profileId, customerId, syncId }));
        return { ok: true, ...started };
      } catch (error) {
        return failure(error);
      }
    },
    'users.cancel': async ({ profileId, customerId }) => ({ cancelled: data.cancelUsers(profileId, customerId) }),
  };
}
