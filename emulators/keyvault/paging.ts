import type { EmulatorResponse } from '../core/http';
import { badParameter } from './errors';

/**
 * Key Vault's list paging: `maxresults` (1-25, default 25) sets the page size, and a page that is not the last
 * carries `nextLink`, an absolute URL repeating api-version and maxresults plus an opaque `$skiptoken`; the last
 * page has `nextLink: null`. SecretClient follows nextLink verbatim, so it must point back at this vault.
 *
 * The skip token names the sort key of the last item served (not an offset), so a secret created or removed
 * between two page requests neither repeats nor hides another one.
 */
export const MAX_PAGE_SIZE = 25;

export interface Page<T> {
  readonly items: T[];
  readonly nextLink: string | null;
}

export type Paged<T> = { readonly ok: true; readonly page: Page<T> } | { readonly ok: false; readonly response: EmulatorResponse };

/** `items` must be sorted ascending by `keyOf`. */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, url: URL, vaultOrigin: string): Paged<T> {
  const rawSize = url.searchParams.get('maxresults');
  const size = rawSize === null || rawSize === '' ? MAX_PAGE_SIZE : Number(rawSize);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    return { ok: false, response: badParameter(`invalid maxresults: ${rawSize ?? ''}. The value must be between 1 and ${MAX_PAGE_SIZE}.`) };
  }

  const token = url.searchParams.get('$skiptoken');
  let after: string | undefined;
  if (token) {
    after = decodeSkipToken(token);
    if (after === undefined) return { ok: false, response: badParameter('The $skiptoken is invalid.') };
  }

  const start = after === undefined ? 0 : firstAfter(items, keyOf, after);
  const pageItems = items.slice(start, start + size);
  const last = pageItems.at(-1);
  const more = start + size < items.length && last !== undefined;
  return { ok: true, page: { items: pageItems, nextLink: more ? nextLink(url, vaultOrigin, size, keyOf(last)) : null } };
}

function firstAfter<T>(items: readonly T[], keyOf: (item: T) => string, after: string): number {
  const index = items.findIndex((item) => keyOf(item) > after);
  return index === -1 ? items.length : index;
}

function nextLink(url: URL, vaultOrigin: string, size: number, lastKey: string): string {
  const apiVersion = url.searchParams.get('api-version') ?? '';
  // Written by hand rather than with URLSearchParams, which would turn `$skiptoken` into `%24skiptoken`.
  return `${vaultOrigin}${url.pathname}?api-version=${encodeURIComponent(apiVersion)}&$skiptoken=${encodeURIComponent(encodeSkipToken(lastKey))}&maxresults=${size}`;
}

function encodeSkipToken(lastKey: string): string {
  return Buffer.from(JSON.stringify({ NextMarker: lastKey }), 'utf8').toString('base64url');
}

function decodeSkipToken(token: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'NextMarker' in parsed && typeof parsed.NextMarker === 'string') return parsed.NextMarker;
  } catch {
    // fall through: not a token this vault issued
  }
  return undefined;
}
