import type { PartnerCenterPaging } from '../core/cloud-state';
import type { EmulatorClock } from '../core/clock';
import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import type { AuditLog, AuditRecord } from './audit-log';
import { collection, relativeUri } from './collection';
import type { ContinuationTokens } from './continuation';
import { badRequest } from './errors';
import { parseFilter, type SimpleFilter } from './filters';
import { isResponse, nextPage, pageSize, startOf } from './paging';

const DAY_MS = 86_400_000;
/** Without a start date the service returns the last 30 days; it keeps 90 days and refuses older start dates. */
const DEFAULT_WINDOW_DAYS = 30;
const RETENTION_DAYS = 90;

const AUDIT_FILTERS = { CompanyName: ['substring'], CustomerId: ['equals'], ResourceType: ['equals'] } as const;

/**
 * GET /v1/auditrecords?startDate=&endDate=&size=&filter=: the partner's activity, newest first, paged. The date
 * window and the log's extent are fixed on the first page and carried in the continuation token.
 */
export function listAuditRecords(log: AuditLog, clock: EmulatorClock, tokens: ContinuationTokens, paging: () => PartnerCenterPaging) {
  return (request: EmulatorRequest): EmulatorResponse => {
    const size = pageSize(request);
    if (isResponse(size)) return size;
    const start = startOf(request, tokens, 'auditrecords', '');
    if (isResponse(start)) return start;
    const filter = parseFilter(start.filter, AUDIT_FILTERS);
    if (isResponse(filter)) return filter;
    const pin = start.pin.length === 3 ? start.pin : firstPagePin(request, clock, log);
    if (isResponse(pin)) return pin;
    const [fromMs = 0, toMs = 0, asOf = 0] = pin;

    const records = log.query({ fromMs, toMs, asOf, matches: matcher(filter) });
    const page = records.slice(start.offset, start.offset + size);
    const end = start.offset + page.length;
    const query = { startDate: param(request, 'startDate'), endDate: param(request, 'endDate'), size: String(size), filter: filter?.raw };
    return collection(
      page,
      relativeUri('/auditrecords', query),
      nextPage(request, tokens, { ...start, pin }, end < records.length ? end : null, relativeUri('/auditrecords', { ...query, seekOperation: 'Next' }), paging()),
    );
  };
}

function firstPagePin(request: EmulatorRequest, clock: EmulatorClock, log: AuditLog): number[] | EmulatorResponse {
  const now = clock.now().getTime();
  const from = parseDate(param(request, 'startDate'), false) ?? now - DEFAULT_WINDOW_DAYS * DAY_MS;
  const to = parseDate(param(request, 'endDate'), true) ?? now;
  if (Number.isNaN(from) || Number.isNaN(to)) return badRequest('startDate and endDate must be dates (yyyy-mm-dd).');
  if (from < startOfDay(now) - RETENTION_DAYS * DAY_MS) return badRequest(`Audit records are kept for ${RETENTION_DAYS} days: the start date must be within the last ${RETENTION_DAYS} days.`);
  if (to < from) return badRequest('The end date must not be before the start date.');
  return [from, to, log.lastSequence];
}

/** yyyy-mm-dd is a whole UTC day (an end date includes that day); other forms ("6/1/2017 12:00:00 AM") as given. */
function parseDate(raw: string | undefined, endOfDay: boolean): number | null {
  if (raw === undefined) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (day) return Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) + (endOfDay ? DAY_MS - 1 : 0);
  return Date.parse(raw);
}

function startOfDay(ms: number): number {
  return ms - (ms % DAY_MS);
}

function matcher(filter: SimpleFilter | null): (record: AuditRecord) => boolean {
  if (!filter) return () => true;
  const value = filter.value.toLowerCase();
  if (filter.field === 'CompanyName') return (record) => record.customerName.toLowerCase().includes(value);
  if (filter.field === 'CustomerId') return (record) => record.customerId.toLowerCase() === value;
  return (record) => record.resourceType.toLowerCase() === value;
}

function param(request: EmulatorRequest, name: string): string | undefined {
  const value = request.url.searchParams.get(name);
  return value === null || value.trim() === '' ? undefined : value;
}
