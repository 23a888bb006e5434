import type { PartnerCenterPaging } from '../core/cloud-state';
import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import type { NextPage } from './collection';
import type { ContinuationTokens, Cursor } from './continuation';
import { badRequest } from './errors';

/** Partner Center's page size limit for customers, users and audit records; absent or 0 means the maximum. */
export const MAX_PAGE_SIZE = 500;

export function pageSize(request: EmulatorRequest): number | EmulatorResponse {
  const raw = request.url.searchParams.get('size');
  if (raw === null || raw.trim() === '') return MAX_PAGE_SIZE;
  if (!/^\d+$/.test(raw.trim())) return badRequest(`The size '${raw}' is not a valid page size.`);
  const size = Number(raw);
  return size === 0 ? MAX_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
}

/**
 * Where this request starts. A first page starts at 0 with the request's filter. `seekOperation=Next` continues
 * from the cursor in the MS-ContinuationToken header, which must have been issued here for this same listing: a
 * missing, altered or foreign token is a 400, as the real service refuses a token it cannot read. The filter
 * travels in the token, so a next request without `filter` keeps it; one with a different filter is refused.
 */
export function startOf(request: EmulatorRequest, tokens: ContinuationTokens, kind: string, scope: string): Cursor | EmulatorResponse {
  const requestedFilter = nonEmpty(request.url.searchParams.get('filter'));
  const seek = request.url.searchParams.get('seekOperation');
  if (seek === null) return { kind, scope, filter: requestedFilter, offset: 0, pin: [] };
  if (seek.toLowerCase() !== 'next') return badRequest(`The seek operation '${seek}' is not supported.`);
  const token = nonEmpty(single(request.headers['ms-continuationtoken']));
  if (token === null) return badRequest('seekOperation=Next requires the MS-ContinuationToken header from links.next.');
  const cursor = tokens.read(token);
  if (cursor?.kind !== kind || cursor.scope !== scope || cursor.offset < 0) return badRequest('The continuation token is invalid.');
  if (requestedFilter !== null && canonical(requestedFilter) !== canonical(cursor.filter ?? '')) return badRequest('The continuation token was issued for a different filter.');
  return cursor;
}

/** Where an endless listing's pages past the end start: beyond any listing, so each of them is empty. */
const ENDLESS_OFFSET = 1_000_000_000;

/**
 * The next link of a page whose listing continues at `nextOffset` (null: this page is the last), shaped by the
 * cloud's paging setting. `finite` is Partner Center as documented. `repeated-continuation` names, on every page after
 * the first, the continuation token the request came with: the client is sent to the same page again and again.
 * `endless` keeps naming a next page past the last item, each with a fresh token, each page empty.
 */
export function nextPage(request: EmulatorRequest, tokens: ContinuationTokens, cursor: Cursor, nextOffset: number | null, uri: string, paging: PartnerCenterPaging): NextPage | null {
  const given = nonEmpty(single(request.headers['ms-continuationtoken']));
  if (paging === 'repeated-continuation' && nextOffset !== null && given !== null && request.url.searchParams.has('seekOperation')) return { uri, continuationToken: given };
  const offset = nextOffset ?? (paging === 'endless' ? Math.max(cursor.offset, ENDLESS_OFFSET) + 1 : null);
  return offset === null ? null : { uri, continuationToken: tokens.issue({ ...cursor, offset }) };
}

export function isResponse(value: unknown): value is EmulatorResponse {
  return typeof value === 'object' && value !== null && 'status' in value;
}

function canonical(filter: string): string {
  try {
    return JSON.stringify(JSON.parse(filter)).toLowerCase();
  } catch {
    return filter;
  }
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
