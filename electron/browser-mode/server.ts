import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../ipc/dispatch';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../services/logger';
import { openEventStream } from './event-stream';
import { createSessionKeys, type SessionKeys } from './launch-codes';
import { readJsonBodyOrRefuse } from './read-body';
import { createRequestGuard, type RequestGuard } from './request-guard';
import { sendJson, setSecurityHeaders } from './response-headers';
import { openSession, SESSION_PATH } from './session-route';
import { BROWSER_MODE_LIMITS, serverOptions, type ServerLimits } from './server-limits';
import { serveStatic } from './static-files';

export interface BrowserModeOptions {
  readonly rendererDir: string;
  readonly dispatch: Dispatch;
  readonly bus: EventBus;
  readonly logger: Logger;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Milliseconds since the epoch, for the launch codes' lifetime. */
  readonly now?: () => number;
  /** BROWSER_MODE_LIMITS unless a test narrows them. */
  readonly limits?: Partial<ServerLimits>;
}

export interface BrowserModeServer {
  /**
   * The address to open: a one-time launch code in the fragment (fragments are never sent to a server), which the
   * page exchanges for its session key. Good once, for LAUNCH_CODE_LIFETIME_MS.
   */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** Another such address, with a new launch code (a second tab, or the first link expired). */
  newLaunchUrl(): string;
  close(): Promise<void>;
}

interface Route {
  readonly guard: RequestGuard;
  readonly sessions: SessionKeys;
}

const CALL_PREFIX = '/api/call/';

/** Serves the built renderer and the handler table to one local browser page. */
export async function startBrowserModeServer(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const sessions = createSessionKeys(options.now);
  const routeHolder: { current?: Route } = {};
  const limits = { ...BROWSER_MODE_LIMITS, ...options.limits };
  const server = createServer(serverOptions(limits), (request, response) => {
    const route = routeHolder.current;
    if (!route) return void response.destroy();
    handle(request, response, route, options).catch(() => {
      options.logger.error('browser-mode.request-failed');
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal' } });
      else response.end();
    });
  });
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the address is fixed here, never taken from configuration.
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  routeHolder.current = { guard: createRequestGuard(port, sessions.isSessionKey), sessions };
  const origin = `http://127.0.0.1:${port}`;
  const newLaunchUrl = (): string => `${origin}/#launch=${sessions.issueLaunchCode()}`;
  return {
    url: newLaunchUrl(),
    origin,
    port,
    newLaunchUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, { guard, sessions }: Route, options: BrowserModeOptions): Promise<void> {
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
  if (path === SESSION_PATH && request.method === 'POST') {
    await openSession(request, response, sessions, options.logger);
    return;
  }
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
  const body = await readJsonBodyOrRefuse(request, response);
  if (body === undefined) return;
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
