import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, type Composition } from '../compose';
import { silentLogger } from '../services/logger';
import { testServices } from '../testing/test-services';
import { startBrowserModeServer, type BrowserModeServer } from './server';
import { BROWSER_MODE_LIMITS, type ServerLimits } from './server-limits';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls Host, Origin and every other header a browser would fix. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let server: BrowserModeServer;
let composition: Composition;
let key: string;
const rendererDir = mkdtempSync(join(tmpdir(), 'sam-desk-renderer-'));

/** What the page does with the address it was opened at: trade the fragment's launch code for a session key. */
async function exchange(on: BrowserModeServer, url: string, headers: Record<string, string> = {}): Promise<RawResponse & { key?: string }> {
  const code = new URLSearchParams(new URL(url).hash.slice(1)).get('launch') ?? '';
  const response = await send(on.port, '/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: on.origin, 'sec-fetch-site': 'same-origin', ...headers },
    body: JSON.stringify({ code }),
  });
  const answer = JSON.parse(response.body) as { ok: boolean; value?: { key?: string } };
  return { ...response, ...(answer.value?.key ? { key: answer.value.key } : {}) };
}

const startServer = (options: { now?: () => number; limits?: Partial<ServerLimits> } = {}) =>
  startBrowserModeServer({ rendererDir, dispatch: composition.dispatch, bus: composition.bus, logger: silentLogger, ...options });

beforeAll(async () => {
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SAM Desk</title>');
  composition = compose({ mode: 'browser', version: '9.9.9', platform: 'linux', cloud: 'microsoft', isOnline: () => true, logger: silentLogger, services: testServices() });
  server = await startServer();
  key = (await exchange(server, server.url)).key ?? '';
});
afterAll(async () => {
  composition.dispose();
  await server.close();
});

const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(server.port, `/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sam-desk-key': key, ...headers },
    body: JSON.stringify(body),
  });

describe('browser-mode server', () => {
  it('prints a one-time launch code, never the session key: the code opens one session, once', async () => {
    const own = await startServer();
    try {
      expect(own.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{43}$/);
      const first = await exchange(own, own.url);
      expect(first.status).toBe(200);
      expect(first.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const sessionKey = first.key ?? '';
      expect(own.url).not.toContain(sessionKey);
      expect(first.headers['cache-control']).toBe('no-store');
      const keyed = { 'content-type': 'application/json', 'x-sam-desk-key': sessionKey };
      expect((await send(own.port, '/api/call/app.info', { method: 'POST', headers: keyed, body: '{}' })).status).toBe(200);
      // The same code again: refused, and since two parties had it, the session it opened is closed too.
      const second = await exchange(own, own.url);
      expect(second.status).toBe(401);
      expect(second.key).toBeUndefined();
      expect((await send(own.port, '/api/call/app.info', { method: 'POST', headers: keyed, body: '{}' })).status).toBe(401);
      // A new launch address is a new code, with its own session; neither names the other's key.
      const next = own.newLaunchUrl();
      expect(next).not.toBe(own.url);
      const other = await exchange(own, next);
      expect(other.status).toBe(200);
      expect(other.key).not.toBe(sessionKey);
      expect(next).not.toContain(other.key ?? '');
    } finally {
      await own.close();
    }
  });

  it('refuses a late launch code, a guessed one, and one presented from another origin', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const own = await startServer({ now: () => now });
    try {
      const late = own.newLaunchUrl();
      now += 60_001;
      expect((await exchange(own, late)).status).toBe(401);
      const guessed = `${own.origin}/#launch=${randomBytes(32).toString('base64url')}`;
      expect((await exchange(own, guessed)).status).toBe(401);
      expect((await exchange(own, `${own.origin}/#launch=`)).status).toBe(401);
      const fresh = own.newLaunchUrl();
      expect((await exchange(own, fresh, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await exchange(own, fresh, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await exchange(own, fresh, { host: `evil.example:${String(own.port)}` })).status).toBe(421);
      // The refused attempts above did not spend it: the page itself, in time, still gets its session.
      now += 59_000;
      expect((await exchange(own, fresh)).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('answers a call that carries the key', async () => {
    const response = await call('app.info', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { mode: 'browser', version: '9.9.9', online: true } });
  });

  it('refuses API calls without the key, or with a wrong one', async () => {
    const missing = await send(server.port, '/api/call/app.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    const wrong = await call('app.info', {}, { 'x-sam-desk-key': key.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(wrong.status).toBe(401);
    const events = await send(server.port, '/api/events');
    expect(events.status).toBe(401);
  });

  it('refuses a wrong Host header (DNS rebinding), even with the key', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `localhost.:${server.port}`]) {
      const response = await call('app.info', {}, { host });
      expect(response.status, host).toBe(421);
    }
    expect((await send(server.port, '/', { headers: { host: `rebind.example:${server.port}` } })).status).toBe(421);
    expect((await call('app.info', {}, { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a request with no Host header at all', async () => {
    // Node's client always adds Host, so this one is written by hand (HTTP/1.0 allows omitting it).
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.0\r\n\r\n'));
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('end', () => resolve(received.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    expect(statusLine).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it('refuses a foreign Origin and cross-site fetch metadata, even with the key', async () => {
    expect((await call('app.info', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('app.info', {}, { origin: 'null' })).status).toBe(403);
    expect((await call('app.info', {}, { origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await call('app.info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('app.info', {}, { origin: server.origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('validates payloads with the contract and bounds bodies', async () => {
    const invalid = await call('tokens.inspect', { input: 7 });
    expect(JSON.parse(invalid.body)).toEqual({ ok: false, error: { code: 'invalid-request', field: 'input' } });
    const unknown = await call('tokens.steal', {});
    expect(unknown.status).toBe(404);
    const notJson = await send(server.port, '/api/call/app.info', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-sam-desk-key': key }, body: '{}' });
    expect(notJson.status).toBe(415);
    const malformed = await send(server.port, '/api/call/app.info', { method: 'POST', headers: { 'content-type': 'application/json', 'x-sam-desk-key': key }, body: '{' });
    expect(malformed.status).toBe(400);
    const huge = await send(server.port, '/api/call/tokens.inspect', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sam-desk-key': key },
      body: JSON.stringify({ input: 'a'.repeat(300 * 1024) }),
    }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
  });

  it('serves the renderer with security headers and never a file outside it', async () => {
    const index = await send(server.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/.env', '/index.html%00.js']) {
      expect((await send(server.port, path)).status, path).toBe(404);
    }
    expect((await send(server.port, '/', { method: 'DELETE' })).status).toBe(405);
  });

  it('pushes contract events to a keyed event stream', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { 'x-sam-desk-key': key, host: `127.0.0.1:${server.port}` } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) composition.bus.emit('app.connectivity', { online: false });
          if (text.includes('data: ')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: app.connectivity\ndata: {"online":false}');
  });

  it('listens on 127.0.0.1 only', async () => {
    // 127.0.0.2 is loopback too, but not the address the server bound: it must refuse the connection.
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: server.port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    expect(reached).toBe(false);
    const ipv6 = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port: server.port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    expect(ipv6).toBe(false);
  });
});

/** A client that writes `head` and then one more byte of `drip` every `everyMs`, until the server closes on it. */
function slowClient(port: number, head: string, drip: string, everyMs: number): Promise<{ closedAfterMs: number; received: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(head));
    let received = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (socket.writable) socket.write(drip[sent++ % drip.length] ?? '');
    }, everyMs);
    // A guard, not an ordering device: a server that never drops the client fails the case instead of hanging it.
    const guard = setTimeout(() => socket.destroy(new Error('the server kept the slow client')), 6_000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(guard);
      const closedAfterMs = performance.now() - started;
      if (closedAfterMs >= 6_000) reject(new Error('the server kept the slow client'));
      else resolve({ closedAfterMs, received });
    });
  });
}

/** A connection that has made one keep-alive request and stays open; or null when the server closed it unanswered. */
function keptAliveConnection(port: number): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(`GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:${String(port)}\r\n\r\n`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (chunk.startsWith('HTTP/1.1 200')) resolve(socket);
    });
    socket.on('error', () => resolve(null));
    socket.on('close', () => resolve(null));
  });
}

describe('browser-mode server limits', () => {
  it('drops a client that sends its headers or its body slowly (slowloris), while the event stream stays open', async () => {
    const own = await startServer({ limits: { headersTimeoutMs: 400, requestTimeoutMs: 800, timeoutCheckIntervalMs: 100 } });
    try {
      const sessionKey = (await exchange(own, own.url)).key ?? '';
      const events: string[] = [];
      const stream = httpRequest({ host: '127.0.0.1', port: own.port, path: '/api/events', headers: { host: `127.0.0.1:${String(own.port)}`, 'x-sam-desk-key': sessionKey } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => events.push(chunk));
      });
      stream.on('error', () => undefined);
      stream.end();

      const host = `Host: 127.0.0.1:${String(own.port)}\r\n`;
      const slowHeaders = await slowClient(own.port, `GET / HTTP/1.1\r\n${host}`, 'X-Slow: 1\r\n', 100);
      expect(slowHeaders.closedAfterMs).toBeLessThan(2_000);
      expect(slowHeaders.received).not.toContain('HTTP/1.1 200');
      const slowBody = await slowClient(own.port, `POST /api/call/app.info HTTP/1.1\r\n${host}Content-Type: application/json\r\nX-Sam-Desk-Key: ${sessionKey}\r\nContent-Length: 200\r\n\r\n`, ' ', 100);
      expect(slowBody.closedAfterMs).toBeLessThan(2_000);
      expect(slowBody.received).not.toContain('HTTP/1.1 200');

      // The page's event stream was opened before both and outlived both: it is no slow request.
      composition.bus.emit('app.connectivity', { online: true });
      await expect.poll(() => events.join('')).toContain('event: app.connectivity');
      stream.destroy();
    } finally {
      await own.close();
    }
  });

  it('refuses a body announced larger than the cap before reading it', async () => {
    const started = performance.now();
    const answer = await send(server.port, '/api/call/tokens.inspect', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sam-desk-key': key, 'content-length': String(10 * 1024 * 1024) },
      body: '{',
    }).catch(() => ({ status: 0 }));
    expect(answer.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it(`closes connections beyond ${String(BROWSER_MODE_LIMITS.maxConnections)} at once, and serves again when one ends`, async () => {
    const own = await startServer();
    const held: Socket[] = [];
    try {
      for (let index = 0; index < BROWSER_MODE_LIMITS.maxConnections; index++) {
        const socket = await keptAliveConnection(own.port);
        expect(socket, `connection ${String(index + 1)}`).not.toBeNull();
        if (socket) held.push(socket);
      }
      expect(await keptAliveConnection(own.port)).toBeNull();
      held.pop()?.destroy();
      await expect.poll(async () => {
        const socket = await keptAliveConnection(own.port);
        socket?.destroy();
        return socket !== null;
      }).toBe(true);
    } finally {
      for (const socket of held) socket.destroy();
      await own.close();
    }
  });
});
