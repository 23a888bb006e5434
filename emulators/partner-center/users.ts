import type { PartnerCenterPaging } from '../core/cloud-state';
import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import type { World } from '../data/world';
import { collection, relativeUri } from './collection';
import type { ContinuationTokens } from './continuation';
import { customerNotFound } from './errors';
import { parseFilter } from './filters';
import { isResponse, nextPage, pageSize, startOf } from './paging';
import { userResource } from './resources';

/** The only user filter: `{"Field":"UserState","Value":"Inactive","Operator":"equals"}` lists soft-deleted users. */
const USER_FILTERS = { UserState: ['equals'] } as const;

/**
 * GET /v1/customers/{id}/users?size=&filter=: a customer's active users by default (deleted users stay
 * restorable for 30 days and are listed only with the UserState filter), a page at a time.
 */
export function listUsers(world: World, tokens: ContinuationTokens, paging: () => PartnerCenterPaging) {
  return (request: EmulatorRequest): EmulatorResponse => {
    const customerId = request.params.customerId ?? '';
    const customer = world.customerById(customerId);
    if (!customer) return customerNotFound(customerId);
    const size = pageSize(request);
    if (isResponse(size)) return size;
    const start = startOf(request, tokens, 'users', customer.id);
    if (isResponse(start)) return start;
    const filter = parseFilter(start.filter, USER_FILTERS);
    if (isResponse(filter)) return filter;

    const state = filter ? filter.value.toLowerCase() : 'active';
    // Another UserState value matches no user. The world keeps long lists made, so a page costs only its slice.
    const users = state === 'active' || state === 'inactive' ? world.usersInState(customer.id, state) : [];
    const page = users.slice(start.offset, start.offset + size);
    const end = start.offset + page.length;
    const path = `/customers/${customer.id}/users`;
    const query = { size: String(size), filter: filter?.raw };
    return collection(
      page.map((user) => userResource(customer.id, user)),
      relativeUri(path, query),
      nextPage(request, tokens, start, end < users.length ? end : null, relativeUri(path, { ...query, seekOperation: 'Next' }), paging()),
    );
  };
}
