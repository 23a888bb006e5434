import { json, type EmulatorResponse } from '../core/http';

/**
 * Partner Center's resource links and collections. Link URIs are relative to /v1 (clients prepend the base URL),
 * and a next link lists the headers the next request must carry.
 */
export interface Link {
  readonly uri: string;
  readonly method: 'GET';
  readonly headers: readonly { readonly key: string; readonly value: string }[];
}

export function link(uri: string, headers: Link['headers'] = []): Link {
  return { uri, method: 'GET', headers };
}

export interface NextPage {
  readonly uri: string;
  readonly continuationToken: string;
}

/**
 * `totalCount` is the number of items in this page, not in the whole listing: that is what the real seek-based
 * collections report, and why clients page until there is no `links.next` rather than until they hold totalCount.
 */
export function collection(items: readonly unknown[], selfUri: string, next: NextPage | null): EmulatorResponse {
  return json(200, {
    totalCount: items.length,
    items,
    links: {
      self: link(selfUri),
      ...(next ? { next: link(next.uri, [{ key: 'MS-ContinuationToken', value: next.continuationToken }]) } : {}),
    },
    attributes: { objectType: 'Collection' },
  });
}

/** A relative URI with query parameters in the given order (URLSearchParams encodes the filter JSON). */
export function relativeUri(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}
