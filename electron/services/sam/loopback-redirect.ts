import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SamError } from './sam-error';

/**
 * The loopback redirect of the consent flow (RFC 8252): a one-shot HTTP listener on 127.0.0.1 that waits for the
 * browser to come back with `code` and our `state`. It accepts exactly one callback with the right state, answers
 * it with a page telling the admin to return to SAM Desk, ignores everything else (a stray request or another
 * site's guess cannot end the flow), and gives up after a timeout or when cancelled.
 */
export interface LoopbackResult {
  readonly code: string;
}

export interface LoopbackRedirect {
  /** The redirect URI to send to Entra: http://localhost:PORT/ (what partners register). */
  readonly redirectUri: string;
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

export async function startLoopbackRedirect(options: LoopbackOptions): Promise<LoopbackRedirect> {
  let settle: { resolve: (value: LoopbackResult) => void; reject: (reason: SamError) => void } | undefined;
  const result = new Promise<LoopbackResult>((resolve, reject) => (settle = { resolve, reject }));
  // A rejection nobody awaits yet (e.g. cancelled before the caller listens) must not crash the process.
  result.catch(() => undefined);
  let done = false;

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const page = (status: number, body: string): void => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'referrer-policy': 'no-referrer' });
      response.end(body);
    };
    if (done || request.method !== 'GET' || url.pathname !== '/' || url.searchParams.get('state') !== options.expectedState) {
      page(400, options.pages.failure);
      return;
    }
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    finish();
    if (code) {
      page(200, options.pages.success);
      settle?.resolve({ code });
    } else {
      page(200, options.pages.failure);
      settle?.reject(new SamError(error === 'access_denied' ? 'consent-denied' : 'identity-service-error', error ? { error: error.slice(0, 64) } : {}));
    }
  });

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
    // Let the answer page reach the browser before the listener goes away.
    setImmediate(() => {
      server.close();
      server.closeAllConnections();
    });
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    clearTimeout(timer);
    throw new SamError((error as { code?: string }).code === 'EADDRINUSE' ? 'redirect-port-in-use' : 'network', { port: options.port });
  }
  if (options.signal?.aborted) onAbort();
  const port = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://localhost:${String(port)}/`,
    result,
    close: () => {
      if (!done) {
        finish();
        settle?.reject(new SamError('consent-cancelled'));
      }
    },
  };
}
