import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../ipc/dispatch';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../services/logger';
import { openEventStream } from './event-stream';
import { BodyError, readJsonBody } from './read-body';
import { createRequestGuard, type RequestGuard } from './request-guard';
import { sendJson, setSecurityHeaders } from './response-headers';
import { serveStatic } from './static-files';

export interface BrowserModeOptions {
  readonly rendererDir: string;
  readonly dispatch: Dispatch;
  readonly bus: EventBus;
  readonly logger: Logger;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
}

export interface BrowserModeServer {
  /** The address to open, with the per-launch key in the fragment (fragments are never sent to a server). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

const CALL_PREFIX = '/api/call/';

/** Serves the built renderer and the handler table to one local browser page. */
export async function startBrowserModeServer(options: BrowserModeOptions): Promise<BrowserModeServer> {
  // 256 bits from the OS CSPRNG, new at every launch.
  const key = randomBytes(32).toString('base64url');
  const guardHolder: { current?: RequestGuard } = {};
  const server = createServer((request, response) => {
    const guard = guardHolder.current;
    if (!guard) return void response.destroy();
    handle(request, response, guard, options).catch(() => {
      options.logger.error('browser-mode.request-failed');
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal' } });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the address is fixed here, never taken from configuration.
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  guardHolder.current = createRequestGuard(port, key);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#key=${key}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, guard: RequestGuard, options: BrowserModeOptions): Promise<void> {
  setSecurityHeaders(response);
  if (!guard.hostAllowed(request)) {
    sendJson(response, 421, { ok: false, error: { code: 'forbidden' } });
    return;
  }
  if (!guard.originAllowed(request)) {
    sendJson(response, 403, { ok: false, error: { code: 'forbidden' } });
    return;
  }

  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path.startsWith('/api/')) {
    if (!guard.keyPresented(request)) sendJson(response, 401, { ok: false, error: { code: 'forbidden' } });
    else if (path === '/api/events' && request.method === 'GET') openEventStream(response, options.bus);
    else if (path.startsWith(CALL_PREFIX) && request.method === 'POST') await call(request, response, path.slice(CALL_PREFIX.length), options);
    else sendJson(response, 404, { ok: false, error: { code: 'unknown-method' } });
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' });
    response.end();
    return;
  }
  await serveStatic(options.rendererDir, path, response, request.method === 'HEAD');
}

async function call(request: IncomingMessage, response: ServerResponse, method: string, options: BrowserModeOptions): Promise<void> {
  let body: unknown;
  try {
    body = await readJsonBody(request);
  } catch (error) {
    const status = error instanceof BodyError ? error.status : 400;
    response.setHeader('Connection', 'close');
    sendJson(response, status, { ok: false, error: { code: 'invalid-request' } });
    return;
  }
  const envelope = await options.dispatch(safeDecode(method), body);
  sendJson(response, envelope.ok || envelope.error.code !== 'unknown-method' ? 200 : 404, envelope);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
