import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';
import { bindLoopback, type BoundAddress, type LoopbackBinding } from './loopback-bind';
import { SamError } from './sam-error';

/**
 * The loopback redirect of the consent flow (RFC 8252): a one-shot HTTP listener on the loopback addresses that
 * waits for the browser to come back with `code` and our `state`. It holds every address `localhost` stands for
 * (127.0.0.1, and ::1 where the machine has it) on one port, or refuses to start (`redirect-port-in-use`): the
 * browser may connect to either, and a program listening on the other would receive the code. It accepts exactly one callback with the right state, answers
 * it with a page telling the admin to return to SAM Desk, ignores everything else (a stray request or another
 * site's guess cannot end the flow), and gives up after a timeout or when cancelled. It stops listening the moment
 * the flow ends.
 *
 * Only what a browser sends when Entra redirects it counts as a callback: a GET of `/` in origin form, addressed to
 * this listener by its Host (a DNS-rebinding page names its own host), not with the Fetch-Metadata of a
 * subresource, fetch, frame or script request, and not coming from a plain-http page (Origin or Referer). Every
 * page a sign-in passes through is https, so an https origin is not held against a request: a federated sign-in may
 * end on the identity provider's own page, a top-level navigation from any https site looks the same, and a
 * Referer is easily withheld anyway. State, PKCE and nonce are what bind the code to this sign-in.
 */
export interface LoopbackResult {
  readonly code: string;
}

export interface LoopbackRedirect {
  /** The redirect URI to send to Entra: http://localhost:PORT/ (what partners register). */
  readonly redirectUri: string;
  /** Where the listener is bound: 127.0.0.1 and ::1 (where it exists) on one port, never a wildcard address. */
  readonly addresses: readonly BoundAddress[];
  readonly result: Promise<LoopbackResult>;
  close(): void;
}

export interface LoopbackOptions {
  /** A fixed port (e.g. 8400) or 0 for any free port. */
  readonly port: number;
  readonly expectedState: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** The page shown in the browser after the callback, in the admin's language. */
  readonly pages: { readonly success: string; readonly failure: string };
}

/** Why a request is not the callback, as the status it is answered with; null when it may be. */
function refusal(request: IncomingMessage, port: number): number | null {
  const target = request.url ?? '';
  if (request.method !== 'GET') return 405;
  const host = (request.headers.host ?? '').toLowerCase();
  if (host !== `localhost:${String(port)}` && host !== `127.0.0.1:${String(port)}`) return 403;
  // Origin form only ("/…"): an absolute or authority-relative target is no browser's request to us.
  if (!target.startsWith('/') || target.startsWith('//')) return 400;
  const path = target.split('?', 1)[0];
  if (path !== '/') return 404;
  // Origin (sent on the redirect by browsers that keep it across redirects, "null" once tainted) and Referer: a
  // plain-http page other than this listener is never part of a sign-in; a DNS-rebinding page or another local
  // web app is.
  const own = new Set([`http://localhost:${String(port)}`, `http://127.0.0.1:${String(port)}`]);
  for (const value of [request.headers.origin, request.headers.referer]) {
    if (value === undefined || value === 'null') continue;
    const from = URL.parse(value);
    if (!from || (from.protocol !== 'https:' && !own.has(from.origin))) return 403;
  }
  // Browsers send Fetch-Metadata to loopback origins; the redirect is a top-level navigation to a document.
  const fetchHeader = (name: string): string | undefined => {
    const value = request.headers[name];
    return typeof value === 'string' ? value.toLowerCase() : undefined;
  };
  if (fetchHeader('sec-fetch-site') !== undefined) {
    const mode = fetchHeader('sec-fetch-mode');
    const destination = fetchHeader('sec-fetch-dest');
    if ((mode !== undefined && mode !== 'navigate') || (destination !== undefined && destination !== 'document')) return 403;
  }
  return null;
}

function sameState(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startLoopbackRedirect(options: LoopbackOptions): Promise<LoopbackRedirect> {
  let settle: { resolve: (value: LoopbackResult) => void; reject: (reason: SamError) => void } | undefined;
  const result = new Promise<LoopbackResult>((resolve, reject) => (settle = { resolve, reject }));
  // A rejection nobody awaits yet (e.g. cancelled before the caller listens) must not crash the process.
  result.catch(() => undefined);
  let done = false;
  let port = 0;

  const handle: RequestListener = (request, response) => {
    const page = (status: number, body: string): void => {
      response.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        ...(status === 405 ? { allow: 'GET' } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const refused = done ? 400 : refusal(request, port);
    if (refused !== null) {
      page(refused, options.pages.failure);
      return;
    }
    // Read as given, not through new URL(): a hostile target must not be able to throw here.
    const target = request.url ?? '';
    const query = new URLSearchParams(target.includes('?') ? target.slice(target.indexOf('?') + 1) : '');
    const states = query.getAll('state');
    const codes = query.getAll('code');
    const errors = query.getAll('error');
    // Exactly our state, once; then exactly one non-empty code or one error (a parameter twice is ambiguous).
    const callback = states.length === 1 && sameState(states[0] ?? '', options.expectedState) && codes.length + errors.length === 1 && (codes[0] ?? errors[0]) !== '';
    if (!callback) {
      page(400, options.pages.failure);
      return;
    }
    const code = codes[0];
    const error = errors[0] ?? '';
    finish();
    if (code) {
      page(200, options.pages.success);
      settle?.resolve({ code });
    } else {
      page(200, options.pages.failure);
      settle?.reject(new SamError(error === 'access_denied' ? 'consent-denied' : 'identity-service-error', { error: error.slice(0, 64) }));
    }
  };
  let binding: LoopbackBinding | undefined;

  const timer = setTimeout(() => {
    finish();
    settle?.reject(new SamError('consent-timeout'));
  }, options.timeoutMs);
  const onAbort = (): void => {
    finish();
    settle?.reject(new SamError('consent-cancelled'));
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  function finish(): void {
    if (done) return;
    done = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    // Stop listening now: nothing may connect once the flow has ended (a replay, a second tab).
    const bound = binding;
    bound?.close();
    // Let the answer page reach the browser before open connections go away.
    setImmediate(() => bound?.closeAllConnections());
  }

  try {
    binding = await bindLoopback(handle, options.port);
  } catch (error) {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    throw new SamError((error as { code?: string }).code === 'EADDRINUSE' ? 'redirect-port-in-use' : 'network', { port: options.port });
  }
  port = binding.port;
  // Timed out or cancelled while binding: finish() found nothing to close then.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- finish() may have run during the await
  if (done) binding.close();
  if (options.signal?.aborted) onAbort();
  return {
    redirectUri: `http://localhost:${String(port)}/`,
    addresses: binding.addresses,
    result,
    close: () => {
      if (!done) {
        finish();
        settle?.reject(new SamError('consent-cancelled'));
      }
    },
  };
}
