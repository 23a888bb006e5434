import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hugeBody, patchJson, type FaultInjector } from './faults';
import type { TlsMaterial } from './tls-certificate';

/** One request as an emulator route sees it: parsed URL, path parameters, headers, and the body on demand. */
export interface EmulatorRequest {
  readonly method: string;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingMessage['headers'];
  text(): Promise<string>;
  json(): Promise<unknown>;
  form(): Promise<URLSearchParams>;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as is (HTML, preformatted JSON); anything else is sent as JSON. */
  readonly body?: unknown;
}

export type RouteHandler = (request: EmulatorRequest) => Promise<EmulatorResponse> | EmulatorResponse;

export interface Route {
  readonly method: string;
  /** A path with :name segments, e.g. "/v1/customers/:customerId/users". */
  readonly path: string;
  readonly handler: RouteHandler;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, body, headers };
}

export function html(status: number, page: string, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, body: page, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } };
}

export function redirect(location: string): EmulatorResponse {
  return { status: 302, headers: { location } };
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`, 'i'), names };
}

export interface ServiceServer {
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface ServiceOptions {
  readonly name: string;
  readonly port: number;
  readonly tls: TlsMaterial;
  readonly faults: FaultInjector;
  readonly routes: readonly Route[];
  /** Headers every response of this service carries (e.g. Partner Center echoes request ids). */
  readonly decorate?: (request: IncomingMessage) => Record<string, string>;
}

/** Starts one emulated service over HTTPS on 127.0.0.1. */
export async function startService(options: ServiceOptions): Promise<ServiceServer> {
  const compiled = options.routes.map((route) => ({ route, ...compile(route.path) }));
  const server: Server = createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, (req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"emulator_failure"}');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`);
    const extraHeaders = options.decorate?.(req) ?? {};
    // Routes read the body through the same memoised request, so reading it here for a fault rule costs nothing twice.
    let request: EmulatorRequest | null = null;
    const requestFor = (params: Record<string, string>): EmulatorRequest => (request = { ...(request ?? makeRequest(req, method, url, {})), params });
    const body = options.faults.needsBody(options.name) ? await requestFor({}).text().catch(() => '') : null;
    const fault = options.faults.take(options.name, method, url.pathname, body);
    if (fault?.type === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.type === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.type === 'status') {
      send(res, { status: fault.status, body: fault.body ?? '', headers: { ...extraHeaders, ...fault.headers } });
      return;
    }
    if (fault?.type === 'malformed-json') {
      res.writeHead(200, { 'content-type': 'application/json', ...extraHeaders });
      res.end('{"items": [ {"id": "trunc');
      return;
    }

    for (const { route, pattern, names } of compiled) {
      if (route.method !== method) continue;
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
      const response = await route.handler(requestFor(params));
      const headers = { ...extraHeaders, ...response.headers };
      if (fault?.type === 'slow-answer') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault?.type === 'patch-json') {
        send(res, { ...response, body: patchJson(response.body, fault), headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
      } else if (fault?.type === 'byte-order-mark') {
        send(res, { ...response, body: `\uFEFF${typeof response.body === 'string' ? response.body : response.body === undefined ? '' : JSON.stringify(response.body)}`, headers: { ...headers, 'content-type': headers['content-type'] ?? 'application/json; charset=utf-8' } });
      } else if (fault?.type === 'huge-body') {
        send(res, { ...response, body: hugeBody(response.body, fault.bytes), headers: { ...headers, 'content-type': headers['content-type'] ?? 'application/json; charset=utf-8' } });
      } else {
        send(res, { ...response, headers });
      }
      return;
    }
    send(res, { status: 404, body: { error: 'not_found', path: url.pathname }, headers: extraHeaders });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `https://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function makeRequest(req: IncomingMessage, method: string, url: URL, params: Record<string, string>): EmulatorRequest {
  let body: Promise<string> | undefined;
  const text = (): Promise<string> =>
    (body ??= new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy();
        else chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    }));
  return {
    method,
    url,
    params,
    headers: req.headers,
    text,
    json: async () => {
      const raw = await text();
      return raw === '' ? null : (JSON.parse(raw) as unknown);
    },
    form: async () => new URLSearchParams(await text()),
  };
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload = '';
  if (typeof response.body === 'string') payload = response.body;
  else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
