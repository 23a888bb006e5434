import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, type Composition } from '../compose';
import { silentLogger } from '../services/logger';
import { testServices } from '../testing/test-services';
import { startBrowserModeServer, type BrowserModeServer } from './server';

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

beforeAll(async () => {
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SAM Desk</title>');
  composition = compose({ mode: 'browser', version: '9.9.9', platform: 'linux', cloud: 'microsoft', isOnline: () => true, logger: silentLogger, services: testServices() });
  server = await startBrowserModeServer({ rendererDir, dispatch: composition.dispatch, bus: composition.bus, logger: silentLogger });
  key = new URL(server.url).hash.replace('#key=', '');
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
  it('hands out a per-launch key of at least 256 bits in the URL fragment only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]{43}$/);
    const second = await startBrowserModeServer({ rendererDir, dispatch: composition.dispatch, bus: composition.bus, logger: silentLogger });
    expect(second.url.split('#key=')[1]).not.toBe(key);
    expect(second.port).not.toBe(server.port);
    await second.close();
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
