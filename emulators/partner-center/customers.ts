import type { PartnerCenterPaging } from '../core/cloud-state';
import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import type { Customer, World } from '../data/world';
import { collection, relativeUri } from './collection';
import type { ContinuationTokens } from './continuation';
import { searchIndexOf, scanStartsWith } from './customer-search';
import { customerNotFound } from './errors';
import { parseFilter } from './filters';
import { isResponse, nextPage, pageSize, startOf } from './paging';
import { customerResource } from './resources';

/** Customers can be filtered by domain or company name prefix; "starts_with" is the only operator the endpoint takes. */
const CUSTOMER_FILTERS = { Domain: ['starts_with'], CompanyName: ['starts_with'] } as const;

/**
 * GET /v1/customers?size=&filter=: the partner's customers in a stable order, a page at a time. An unfiltered
 * page touches only its own customers (O(page size) at any world size); a filtered one scans the search index.
 */
export function listCustomers(world: World, tokens: ContinuationTokens, paging: () => PartnerCenterPaging) {
  return (request: EmulatorRequest): EmulatorResponse => {
    const size = pageSize(request);
    if (isResponse(size)) return size;
    const start = startOf(request, tokens, 'customers', '');
    if (isResponse(start)) return start;
    const filter = parseFilter(start.filter, CUSTOMER_FILTERS);
    if (isResponse(filter)) return filter;

    let indexes: number[];
    let next: number | null;
    if (filter) {
      const index = searchIndexOf(world);
      ({ matches: indexes, next } = scanStartsWith(filter.field === 'Domain' ? index.domains : index.companyNames, filter.value, start.offset, size));
    } else {
      const end = Math.min(start.offset + size, world.customerCount);
      indexes = Array.from({ length: Math.max(0, end - start.offset) }, (_, i) => start.offset + i);
      next = end < world.customerCount ? end : null;
    }

    const items = indexes.map((i) => world.customerAt(i)).filter((customer): customer is Customer => customer !== undefined);
    const query = { size: String(size), filter: filter?.raw };
    return collection(
      items.map((customer) => customerResource(customer, false)),
      relativeUri('/customers', query),
      nextPage(request, tokens, start, next, relativeUri('/customers', { ...query, seekOperation: 'Next' }), paging()),
    );
  };
}

/** GET /v1/customers/{id}: one customer, with billingProfile and allowDelegatedAccess. */
export function getCustomer(world: World) {
  return (request: EmulatorRequest): EmulatorResponse => {
    const customerId = request.params.customerId ?? '';
    const customer = world.customerById(customerId);
    return customer ? { status: 200, body: customerResource(customer, true) } : customerNotFound(customerId);
  };
}
