import { randomUUID } from 'node:crypto';
import { assertDestination } from '../sam/destination-guard';
import { SamError } from '../sam/sam-error';
import { defaultRetryPolicy, isRetriableStatus, retryDelayMs, type RetryPolicy } from './retry-policy';

/**
 * The Partner Center REST client: the headers Partner Center asks for, paging by `links.next` with its
 * continuation header (tokens passed on verbatim), retries for throttling and transient failures, one silent token
 * refresh on 401, and 900421 recognised as "this token has no MFA claim". It reads the variants Microsoft documents
 * as well as its examples: error codes as numbers or strings, bodies after a UTF-8 byte-order mark (fetch's json()
 * drops it), links with or without the /v1 prefix; and a listing that does not end (a continuation it was given
 * before, or more pages than any partner has) ends with an error instead of a loop. Electron-free; tokens come from
 * the injected provider and never leave this module.
 */
export interface PartnerCenterClientOptions {
  /** The API base without /v1, e.g. https://api.partnercenter.microsoft.com. */
  readonly baseUrl: string;
  /**
   * Where the access tokens may go: the Partner Center origin the profile's tokens are bound to (client-for-profile.ts).
   * Checked right before every request; absent only for a client given a token of its own making.
   */
  readonly boundOrigins?: readonly string[];
  /** An access token for Partner Center; `refresh` asks for a new one (after a 401). */
  readonly accessToken: (refresh: boolean) => Promise<string>;
  /** The UI language as a locale, sent as X-Locale (e.g. en-US, sv-SE). */
  readonly locale: () => string;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  /** How long one request may take before it counts as failed (and is retried); 60 s by default. */
  readonly timeoutMs?: number;
  /**
   * How long getting an access token may take: a redemption goes to Entra and Key Vault, and msal-node sends its token
   * requests without a deadline, so a sign-in service that never answers would otherwise hold the sync (and its
   * Cancel) forever. The redemption itself carries on and saves its rotated token. 120 s by default.
   */
  readonly tokenTimeoutMs?: number;
  /** The most pages one listing may take before it counts as one that never ends; MAX_PAGES by default. */
  readonly maxPages?: number;
}

/** The timing and bound knobs of a client, for callers that build clients on behalf of others (tests shorten them). */
export type PartnerCenterClientTiming = Pick<PartnerCenterClientOptions, 'retry' | 'timeoutMs' | 'tokenTimeoutMs' | 'maxPages'>;

/**
 * 10,000 pages of 500 are five million customers or users: far past the largest partner's customer list or the
 * largest tenant's directory. A listing still going past that is one whose continuation never ends.
 */
export const MAX_PAGES = 10_000;

export interface CollectionPage<T> {
  readonly items: readonly T[];
  /** What Partner Center reported; may disagree with the items actually received. */
  readonly totalCount: number | null;
}

interface Collection {
  readonly totalCount?: unknown;
  readonly items?: unknown;
  readonly links?: { readonly next?: { readonly uri?: unknown; readonly headers?: ReadonlyArray<{ readonly key?: unknown; readonly value?: unknown }> } | null };
}

const APPLICATION = 'SAM Desk';

export function createPartnerCenterClient(options: PartnerCenterClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const policy = options.retry ?? defaultRetryPolicy;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const base = `${options.baseUrl.replace(/\/+$/, '')}/v1`;

  /** An access token, given up on at the deadline or on cancel (the redemption behind it is not interrupted). */
  function accessToken(refresh: boolean, signal: AbortSignal | undefined): Promise<string> {
    const deadline = AbortSignal.timeout(options.tokenTimeoutMs ?? 120_000);
    const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
    return new Promise<string>((resolve, reject) => {
      const onStop = (): void => reject(signal?.aborted ? new SamError('cancelled') : new SamError('network', { reason: 'token-timeout' }));
      if (stop.aborted) {
        onStop();
        return;
      }
      stop.addEventListener('abort', onStop, { once: true });
      options
        .accessToken(refresh)
        .then(resolve, reject)
        .finally(() => stop.removeEventListener('abort', onStop));
    });
  }

  /** One logical request: the same MS-RequestId on every attempt, so Partner Center can de-duplicate retries. */
  async function request(path: string, init: { readonly headers?: Readonly<Record<string, string>>; readonly correlationId: string; readonly signal?: AbortSignal }): Promise<unknown> {
    const requestId = randomUUID();
    let refreshed = false;
    let refreshNext = false;
    let lastStatus = 0;
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      if (init.signal?.aborted) throw new SamError('cancelled');
      const token = await accessToken(refreshNext, init.signal);
      refreshNext = false;
      let response: Response;
      if (options.boundOrigins) assertDestination(`${base}${path}`, options.boundOrigins, 'partner-center');
      try {
        const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
        response = await doFetch(`${base}${path}`, {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'MS-RequestId': requestId,
            'MS-CorrelationId': init.correlationId,
            'MS-Contract-Version': 'v1',
            'MS-PartnerCenter-Application': APPLICATION,
            'X-Locale': options.locale(),
            ...init.headers,
          },
          signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
          // A bearer token is not carried to wherever a Location header points.
          redirect: 'error',
        });
      } catch (error) {
        if (init.signal?.aborted) throw new SamError('cancelled');
        // A dropped connection or a timeout: worth another try, like a 5xx.
        lastStatus = 0;
        if (attempt === policy.maxAttempts) throw new SamError((error as { name?: string }).name === 'TimeoutError' ? 'partner-center-unavailable' : 'network', { status: 0 });
        await sleep(retryDelayMs(policy, attempt, null, random), init.signal);
        continue;
      }
      if (response.ok) {
        try {
          return await response.json();
        } catch {
          lastStatus = response.status;
          if (attempt === policy.maxAttempts) throw new SamError('partner-center-bad-response');
          await sleep(retryDelayMs(policy, attempt, null, random), init.signal);
          continue;
        }
      }
      lastStatus = response.status;
      if (response.status === 401) {
        if ((await errorCode(response)) === 900421) throw new SamError('partner-center-mfa-required');
        // An access token that expired in flight: one silent refresh, then a second 401 is real.
        if (refreshed) throw new SamError('partner-center-denied', { status: 401 });
        refreshed = true;
        refreshNext = true;
        attempt--;
        continue;
      }
      if (response.status === 403) throw new SamError('partner-center-denied', { status: 403 });
      if (response.status === 404) throw new SamError('partner-center-not-found');
      if (!isRetriableStatus(response.status) || attempt === policy.maxAttempts) {
        throw new SamError(response.status === 429 ? 'throttled' : 'partner-center-unavailable', { status: response.status });
      }
      await sleep(retryDelayMs(policy, attempt, response.headers.get('retry-after'), random), init.signal);
    }
    throw new SamError('partner-center-unavailable', { status: lastStatus });
  }

  /**
   * Every page of a collection, as it arrives: the first from `path`, the next ones from `links.next.uri` (relative
   * to /v1, or with the prefix) with the headers it lists, until there is no next link. A next link and continuation
   * seen before in this listing, or a page past `maxPages`, ends it with `partner-center-endless-listing`: a cron job
   * must get an error it can report, never hang on a continuation that goes round.
   */
  async function* pages<T>(path: string, signal?: AbortSignal): AsyncGenerator<CollectionPage<T>> {
    const correlationId = randomUUID();
    const maxPages = options.maxPages ?? MAX_PAGES;
    let next: { path: string; headers: Record<string, string> } | null = { path, headers: {} };
    const followed = new Set<string>([continuationKey(next)]);
    for (let pageNumber = 1; next; pageNumber++) {
      if (pageNumber > maxPages) throw new SamError('partner-center-endless-listing', { reason: 'too-many-pages', pages: maxPages, correlationId });
      const body = (await request(next.path, { headers: next.headers, correlationId, ...(signal ? { signal } : {}) })) as Collection | null;
      if (!body || !Array.isArray(body.items)) throw new SamError('partner-center-bad-response');
      yield { items: body.items as T[], totalCount: typeof body.totalCount === 'number' ? body.totalCount : null };
      const link = body.links?.next;
      const uri = typeof link?.uri === 'string' ? link.uri : null;
      // A next link that cannot be followed must not end the listing as if it were complete.
      if (link !== undefined && link !== null && uri === null) throw new SamError('partner-center-bad-response');
      next = uri
        ? {
            path: pathUnderV1(uri),
            headers: Object.fromEntries((link?.headers ?? []).filter((header) => typeof header.key === 'string' && typeof header.value === 'string').map((header) => [String(header.key), String(header.value)])),
          }
        : null;
      if (next && followed.has(continuationKey(next))) throw new SamError('partner-center-endless-listing', { reason: 'repeated', pages: pageNumber, correlationId });
      if (next) followed.add(continuationKey(next));
    }
  }

  return {
    pages,
    get: (path: string, signal?: AbortSignal) => request(path, { correlationId: randomUUID(), ...(signal ? { signal } : {}) }),
  };
}

export type PartnerCenterClient = ReturnType<typeof createPartnerCenterClient>;

/**
 * The `code` of a Partner Center error body, as a number. The error-code reference types it as a string ("900421"),
 * its examples show a number (900421): both are read. fetch's json() drops a leading byte-order mark.
 */
async function errorCode(response: Response): Promise<number | null> {
  try {
    const { code } = (await response.json()) as { code?: unknown };
    if (typeof code === 'number' && Number.isSafeInteger(code)) return code;
    return typeof code === 'string' && /^\s*\d{1,15}\s*$/.test(code) ? Number(code) : null;
  } catch {
    return null;
  }
}

/**
 * A link's path under the client's /v1 base. Partner Center's links are relative to /v1 (`/customers?…`), but some
 * answers carry the prefix (`/v1/customers?…`); either way the request goes to the same base, never elsewhere.
 */
function pathUnderV1(uri: string): string {
  const path = uri.startsWith('/') ? uri : `/${uri}`;
  return path.replace(/^\/v1(?=[/?]|$)/i, '') || '/';
}

/** What makes one request of a listing: its path and the continuation headers it carries. */
function continuationKey(next: { readonly path: string; readonly headers: Readonly<Record<string, string>> }): string {
  return JSON.stringify([next.path, Object.entries(next.headers).sort(([a], [b]) => a.localeCompare(b))]);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new SamError('cancelled'));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new SamError('cancelled'));
      },
      { once: true },
    );
  });
}
