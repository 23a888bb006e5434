import type { HandlersOf } from '../handler-table';
import { orFailure } from './failure';
import type { HandlerDeps } from './handler-deps';

/** A customer's users, like customers: read from the offline cache at once, synced as `users.progress` events. */
export function createUsersHandlers({ services, bus }: HandlerDeps): HandlersOf<'users'> {
  const data = services.partnerCenter;
  return {
    'users.cached': async ({ profileId, customerId }) => data.cachedUsers(profileId, customerId),
    'users.sync': async ({ profileId, customerId, language }) =>
      orFailure(async () => {
        const started = await data.syncUsers(profileId, customerId, language, (event, syncId) => bus.emit('users.progress', { ...event, profileId, customerId, syncId }));
        return { ok: true, ...started };
      }),
    'users.cancel': async ({ profileId, customerId }) => ({ cancelled: data.cancelUsers(profileId, customerId) }),
  };
}
