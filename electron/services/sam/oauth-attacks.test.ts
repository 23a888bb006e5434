import { localCloudProfileRecord } from '../../testing/local-cloud-profile';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { driveSignIn } from '../../../emulators/testing/sign-in-driver';
import type { Profile } from '../../../shared/profiles/profile';
import { parseDeepLink } from '../deep-link';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { classifyError } from './classify-error';
import type { ConsentProgress } from './consent-steps';
import { createConsentService } from './consent-service';
import { bindLoopback, LOOPBACK_ADDRESSES } from './loopback-bind';
import { startLoopbackRedirect, type LoopbackOptions, type LoopbackRedirect } from './loopback-redirect';
import { createMsalApp, partnerCenterScope } from './msal-app';

/**
 * OAuth attacks on the consent flow, executed: against the loopback listener over raw TCP (so Host, method,
 * request-target and headers are exactly what an attacker sends), and end to end against the local Entra ID with
 * the real msal-node and the real keychain. Each case names what it proves.
 */
let cloud: LocalCloud;
let keychain: SecretVault;
let profile: Profile;
const SECRET_NAME = 'OAuthAttacksRefreshToken';
const PAGES = { success: 'Signed in. Go back to SAM Desk.', failure: 'This sign-in did not work.' };
/** What a real browser sends when Entra redirects it to the loopback (a top-level, cross-site navigation). */
const BROWSER_NAVIGATION = {
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'document',
  'sec-fetch-user': '?1',
  referer: 'https://login.microsoftonline.com/',
  'upgrade-insecure-requests': '1',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
};

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 23, customers: 3, maxUsersPerCustomer: 1 } });
  keychain = createKeychain(`SAM Desk attack test ${randomUUID()}`);
});
afterAll(() => cloud.close());

beforeEach(async () => {
  cloud.state.reset();
  cloud.entra.reset();
  cloud.keyVault.reset();
  const { world } = cloud.state;
  profile = localCloudProfileRecord(cloud, { displayName: 'Attack test partner', secretName: SECRET_NAME });
  await keychain.set(secretAccounts.clientSecret(profile.id), world.app.clientSecret);
});
afterEach(async () => {
  for (const account of Object.values(secretAccounts)) await keychain.delete(account(profile.id));
});

const admin = () => cloud.state.world.admins[0] ?? expect.fail('no admin');
const signInAnswers = () => ({ userPrincipalName: admin().userPrincipalName, password: admin().password, mfaCode: admin().mfaCode });

// ---------------------------------------------------------------------------------------------------------------
// Raw HTTP to the loopback listener

interface RawResponse {
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

/** Sends bytes on a fresh TCP connection and reads the answer until the server closes it (0: closed without one). */
function send(port: number, bytes: string, host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    const done = (): void => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      const raw = split === -1 ? '' : text.slice(split + 4);
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), head, body: /^transfer-encoding: chunked/im.test(head) ? unchunk(raw) : raw });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('error', (error) => (chunks.length > 0 ? done() : reject(error)));
    // A guard, not an ordering device: a listener that never answers fails the case instead of hanging it.
    socket.setTimeout(5_000, () => socket.destroy(new Error('the listener did not answer')));
    socket.end(bytes);
  });
}

function unchunk(raw: string): string {
  let body = '';
  let rest = raw;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (line === -1 || !(size > 0)) return body;
    body += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/** A request as a browser sends it to `http://localhost:PORT` once it has resolved localhost to `address`. */
function request(port: number, method: string, target: string, headers: Record<string, string | null> = {}, body = '', address = '127.0.0.1'): Promise<RawResponse> {
  const all: Record<string, string | null> = { host: `localhost:${String(port)}`, connection: 'close', ...headers };
  if (body !== '') all['content-length'] = String(Buffer.byteLength(body));
  const lines = Object.entries(all).flatMap(([name, value]) => (value === null ? [] : [`${name}: ${value}`]));
  return send(port, `${method} ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`, address);
}

const get = (port: number, target: string, headers: Record<string, string | null> = {}, address = '127.0.0.1'): Promise<RawResponse> => request(port, 'GET', target, headers, '', address);

/** Whether anything accepts a TCP connection at host:port. */
function reachable(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether anything accepts a connection on the port at any address localhost stands for. */
async function listening(port: number): Promise<boolean> {
  const answers = await Promise.all(LOOPBACK_ADDRESSES.map((address) => reachable(port, address)));
  return answers.some(Boolean);
}

/** Another local program listening on `address` (port 0: any free port), counting who connects to it. */
async function hostileListener(address: string, port = 0): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server = createNetServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: address }, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Listener {
  readonly redirect: LoopbackRedirect;
  readonly state: string;
  readonly port: number;
  readonly settled: () => 'pending' | 'resolved' | 'rejected';
  readonly callback: (query?: Record<string, string>) => string;
}

const opened: LoopbackRedirect[] = [];
afterEach(() => {
  for (const redirect of opened.splice(0)) redirect.close();
});

async function listener(overrides: Partial<LoopbackOptions> = {}): Promise<Listener> {
  const state = randomBytes(32).toString('base64url');
  const redirect = await startLoopbackRedirect({ port: 0, expectedState: state, timeoutMs: 60_000, pages: PAGES, ...overrides });
  opened.push(redirect);
  let settled: 'pending' | 'resolved' | 'rejected' = 'pending';
  redirect.result.then(
    () => (settled = 'resolved'),
    () => (settled = 'rejected'),
  );
  return {
    redirect,
    state,
    port: Number(new URL(redirect.redirectUri).port),
    // The listener settles the flow in the same turn as it answers: once a response has arrived, this is current.
    settled: () => settled,
    callback: (query = {}) => `/?${new URLSearchParams({ code: `1.A${randomBytes(24).toString('base64url')}`, state, ...query }).toString()}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe('the loopback listener', () => {
  it('listens on the loopback addresses localhost stands for (127.0.0.1 and ::1), not on any other interface of this machine', async () => {
    const { redirect, port } = await listener();
    expect(redirect.addresses).toEqual([
      { address: '127.0.0.1', family: 'IPv4', port },
      { address: '::1', family: 'IPv6', port },
    ]);
    expect(redirect.redirectUri).toBe(`http://localhost:${String(port)}/`);
    expect(await reachable(port, '127.0.0.1')).toBe(true);
    expect(await reachable(port, '::1')).toBe(true);
    expect(await reachable(port, '127.0.0.2')).toBe(false);
    // Every address another machine (or a container, VM or LAN neighbour) could reach this one by.
    const others = Object.values(networkInterfaces())
      .flatMap((addresses) => addresses ?? [])
      .filter((address) => !address.internal && !address.address.startsWith('fe80:'))
      .map((address) => address.address);
    for (const address of others) expect(await reachable(port, address), address).toBe(false);
  });

  it('receives the callback on either address a browser may resolve localhost to', async () => {
    for (const address of LOOPBACK_ADDRESSES) {
      const { port, callback, redirect } = await listener();
      const right = callback();
      expect(await get(port, right, BROWSER_NAVIGATION, address), address).toMatchObject({ status: 200, body: PAGES.success });
      expect(await redirect.result).toEqual({ code: new URLSearchParams(right.slice(2)).get('code') });
      for (const other of LOOPBACK_ADDRESSES) expect(await reachable(port, other), `${address} then ${other}`).toBe(false);
    }
  });

  it('refuses to start (redirect-port-in-use) when another program listens on the port at either address, which would receive the code', async () => {
    for (const taken of LOOPBACK_ADDRESSES) {
      const { port, connections, close } = await hostileListener(taken);
      try {
        await expect(listener({ port }), taken).rejects.toMatchObject({ code: 'redirect-port-in-use', detail: { port } });
        // Nothing of SAM Desk's is left on the port: the other address is free again.
        for (const other of LOOPBACK_ADDRESSES.filter((address) => address !== taken)) expect(await reachable(port, other), other).toBe(false);
        expect(connections(), taken).toBe(0);
      } finally {
        await close();
      }
    }
  });

  it('draws a port free on both addresses when any port will do, and needs no ::1 where the machine has none', async () => {
    const { port } = await listener({ port: 0 });
    for (const address of LOOPBACK_ADDRESSES) expect(await reachable(port, address), address).toBe(true);
    // ::2 stands for an address this machine does not have, as ::1 is missing where IPv6 is switched off.
    const binding = await bindLoopback(() => undefined, 0, ['127.0.0.1', '::2']);
    try {
      expect(binding.addresses).toEqual([{ address: '127.0.0.1', family: 'IPv4', port: binding.port }]);
      expect(await reachable(binding.port, '127.0.0.1')).toBe(true);
    } finally {
      binding.close();
    }
  });

  it('refuses a foreign Host header (DNS rebinding), even on a callback with the right state, and keeps waiting', async () => {
    const { port, settled, callback, redirect } = await listener();
    const p = String(port);
    for (const host of [`evil.example:${p}`, 'evil.example', `localhost.evil.example:${p}`, `127.0.0.1.nip.io:${p}`, `localhost:${String(port === 1 ? 2 : 1)}`, 'localhost', `[::1]:${p}`, `0.0.0.0:${p}`, `2130706433:${p}`, `localhost:${p}@evil.example`]) {
      const answer = await get(port, callback(), { ...BROWSER_NAVIGATION, host });
      expect(answer.status, host).toBe(403);
      expect(answer.body).toBe(PAGES.failure);
      expect(settled(), host).toBe('pending');
    }
    // HTTP/1.0 may leave the Host out: nothing then says the request was meant for us.
    expect((await send(port, `GET ${callback()} HTTP/1.0\r\n\r\n`)).status).toBe(403);
    expect(settled()).toBe('pending');

    const right = callback();
    const answer = await get(port, right, { ...BROWSER_NAVIGATION, host: `LocalHost:${p}` });
    expect(answer).toMatchObject({ status: 200, body: PAGES.success });
    expect(await redirect.result).toEqual({ code: new URLSearchParams(right.slice(2)).get('code') });

    // The other loopback spelling a partner may have registered is accepted too.
    const numeric = await listener();
    expect((await get(numeric.port, numeric.callback(), { ...BROWSER_NAVIGATION, host: `127.0.0.1:${String(numeric.port)}` })).status).toBe(200);
    expect(numeric.settled()).toBe('resolved');
  });

  it('refuses requests from another origin: a plain-http Origin or Referer, non-navigation Fetch-Metadata, any method but GET', async () => {
    const { port, settled, callback, state, redirect } = await listener();
    const target = callback();
    // One at a time: each must leave the flow waiting.
    const cases: Array<[string, number, () => Promise<RawResponse>]> = [
      ['Origin of a plain-http site (a browser without Fetch-Metadata)', 403, () => get(port, target, { origin: 'http://evil.example' })],
      ['Origin of another local web app', 403, () => get(port, target, { origin: 'http://localhost:1' })],
      ['Origin that is no origin', 403, () => get(port, target, { origin: 'file://' })],
      ['Referer of a plain-http site (a DNS-rebinding page)', 403, () => get(port, target, { ...BROWSER_NAVIGATION, referer: 'http://evil.example/rebind.html' })],
      ['Referer of another local web app', 403, () => get(port, target, { ...BROWSER_NAVIGATION, referer: 'http://127.0.0.1:1/' })],
      ['Referer that is no URL', 403, () => get(port, target, { referer: 'javascript:alert(1)//' })],
      ['<img src> from another site', 403, () => get(port, target, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image', referer: 'https://evil.example/' })],
      ['fetch() from another site', 403, () => get(port, target, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty', origin: 'https://evil.example' })],
      ['no-cors fetch() without Origin', 403, () => get(port, target, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'empty' })],
      ['<iframe> on another site', 403, () => get(port, target, { ...BROWSER_NAVIGATION, 'sec-fetch-dest': 'iframe', referer: 'https://evil.example/' })],
      ['<script src> on another site', 403, () => get(port, target, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' })],
      ['a form POST (response_mode=form_post)', 405, () => request(port, 'POST', target, { ...BROWSER_NAVIGATION, origin: 'https://login.microsoftonline.com', 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ code: 'x', state }).toString())],
      ['a POST with the callback in the body only', 405, () => request(port, 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ code: 'x', state }).toString())],
      ['PUT', 405, () => request(port, 'PUT', target)],
      ['a CORS preflight', 405, () => request(port, 'OPTIONS', target, { origin: 'https://evil.example', 'access-control-request-method': 'GET' })],
      ['HEAD', 405, () => request(port, 'HEAD', target)],
      ['DELETE', 405, () => request(port, 'DELETE', target)],
    ];
    for (const [name, status, attempt] of cases) {
      const answer = await attempt();
      expect(answer.status, name).toBe(status);
      expect(answer.head, name).not.toMatch(/access-control-allow/i);
      expect(settled(), name).toBe('pending');
    }

    // The real redirect: a top-level navigation from Entra's https page.
    const answer = await get(port, target, BROWSER_NAVIGATION);
    expect(answer).toMatchObject({ status: 200, body: PAGES.success });
    expect(answer.head).toMatch(/content-security-policy: default-src 'none'/i);
    expect(answer.head).toMatch(/referrer-policy: no-referrer/i);
    expect(answer.head).toMatch(/cache-control: no-store/i);
    expect(await redirect.result).toEqual({ code: new URLSearchParams(target.slice(2)).get('code') });

    // What must keep working: a sign-in that ends on a federated identity provider's https page, in a browser that
    // keeps a (tainted, so "null") Origin across the redirect.
    const federated = await listener();
    expect((await get(federated.port, federated.callback(), { ...BROWSER_NAVIGATION, referer: 'https://adfs.contoso.example/adfs/ls/', origin: 'null' })).status).toBe(200);
    expect(federated.settled()).toBe('resolved');
  });

  it('answers unrelated requests with 404 or 400 without ending the flow', async () => {
    const { port, settled, callback, state, redirect } = await listener();
    const cases: Array<[string, number]> = [
      ['/favicon.ico', 404],
      ['/robots.txt', 404],
      ['/other', 404],
      [`/other${callback()}`, 404],
      [`/.well-known/${callback()}`, 404],
      ['/?foo=bar', 400],
      ['/', 400],
      ['/?code=1.Aabc', 400],
      // The right state alone, or with an empty code, is not a callback Entra sends.
      [`/?state=${state}`, 400],
      [`/?code=&state=${state}`, 400],
      // Parameters given twice are ambiguous (RFC 6749 §3.1): which one would count?
      [`/?code=a&code=b&state=${state}`, 400],
      [`/?code=a&state=${state}&state=${state}`, 400],
      [`/?error=access_denied&error=x&state=${state}`, 400],
    ];
    for (const [target, status] of cases) {
      const answer = await get(port, target, BROWSER_NAVIGATION);
      expect(answer.status, target).toBe(status);
      expect(answer.body, target).toBe(PAGES.failure);
      expect(settled(), target).toBe('pending');
    }
    const right = callback();
    expect((await get(port, right, BROWSER_NAVIGATION)).status).toBe(200);
    expect(await redirect.result).toEqual({ code: new URLSearchParams(right.slice(2)).get('code') });
  });

  it('refuses a wrong state in every disguise and then accepts the right one', async () => {
    const { port, settled, callback, state, redirect } = await listener();
    const flipped = state.replace(/[a-z]/, (letter) => letter.toUpperCase()) === state ? state.replace(/[A-Z]/, (letter) => letter.toLowerCase()) : state.replace(/[a-z]/, (letter) => letter.toUpperCase());
    const code = 'code=1.Aabc';
    for (const target of [
      `/?${code}`,
      `/?${code}&state=`,
      `/?${code}&state=${state.slice(0, -1)}`,
      `/?${code}&state=${state}x`,
      `/?${code}&state=${flipped}`,
      `/?${code}&state=%20${state}`,
      `/?${code}&state=${state}%00`,
      `/?${code}&State=${state}`,
      `/?${code}&state[]=${state}`,
      `/?${code}&state=wrong&state=${state}`,
      `/state=${state}?${code}`,
      `/?${code}#state=${state}`,
    ]) {
      const answer = await get(port, target, BROWSER_NAVIGATION);
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
      expect(settled(), target).toBe('pending');
    }
    expect((await get(port, callback(), BROWSER_NAVIGATION)).status).toBe(200);
    expect(settled()).toBe('resolved');
    await redirect.result;
  });

  it('survives hostile requests (malformed targets, huge and injected values, garbage bytes) and reflects nothing', async () => {
    const { port, settled, callback, state, redirect } = await listener();
    const p = String(port);
    const targets = [
      // Absolute-form request targets: only proxies receive them. The first two once threw in the request handler,
      // an uncaught exception that ends the desktop app (crash guard) or the CLI.
      'http://[::1',
      'http://',
      `http://evil.example${callback()}`,
      `http://localhost:${p}${callback()}`,
      `//evil.example${callback()}`,
      '*',
      `/?code=${'A'.repeat(12_000)}&state=${state.slice(0, 5)}`,
      `/?state=${'x'.repeat(8_000)}&code=x`,
      `/?code=%zz%&state=%`,
      `/?code=%00%0d%0aSet-Cookie:%20stolen=1&state=%0d%0aX-Injected:%201`,
      `/?code=${encodeURIComponent('<script>alert(1)</script>')}&state=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
      `/?${Array.from({ length: 1_500 }, (_, index) => `p${String(index)}=v`).join('&')}`,
      `/?code=%F0%9F%92%A5&state=%E2%80%AE${state}`,
      '/%',
      '/..%2f..%2f..%2fetc%2fpasswd',
    ];
    for (const target of targets) {
      const answer = await get(port, target, BROWSER_NAVIGATION);
      expect(answer.status, target.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(answer.status, target.slice(0, 60)).toBeLessThan(500);
      expect(answer.head, target.slice(0, 60)).not.toMatch(/set-cookie|x-injected/i);
      expect(answer.body, target.slice(0, 60)).not.toMatch(/<script|onerror|stolen/);
      expect(settled(), target.slice(0, 60)).toBe('pending');
    }
    // Beyond Node's header limit, and bytes that are no HTTP at all: answered by the parser, the listener stays.
    for (const bytes of [
      `GET /?code=${'A'.repeat(70_000)}&state=${state} HTTP/1.1\r\nHost: localhost:${p}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: localhost:${p}\r\n${Array.from({ length: 3_000 }, (_, index) => `x-${String(index)}: y`).join('\r\n')}\r\n\r\n`,
      `GET ${callback()} HTTP/1.1\r\nHost: localhost:${p}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      '\r\n\r\n',
    ]) {
      const answer = await send(port, bytes);
      expect([0, 400, 413, 414, 431, 505]).toContain(answer.status);
      expect(settled()).toBe('pending');
    }
    expect((await get(port, callback(), BROWSER_NAVIGATION)).status).toBe(200);
    await redirect.result;
  });

  it('closes the moment the first valid callback lands: a second one (double submit, reload, replay) finds nothing listening', async () => {
    const { port, callback, redirect } = await listener();
    const first = callback();
    const second = callback();
    const answers = await Promise.allSettled([get(port, first, BROWSER_NAVIGATION), get(port, second, BROWSER_NAVIGATION)]);
    const accepted = answers.filter((answer) => answer.status === 'fulfilled' && answer.value.status === 200);
    expect(accepted).toHaveLength(1);
    const { code } = await redirect.result;
    expect([first, second].map((target) => new URLSearchParams(target.slice(2)).get('code'))).toContain(code);
    expect(await listening(port)).toBe(false);
    await expect(get(port, first, BROWSER_NAVIGATION)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('closes on timeout, on cancel, on close(), and when cancelled before it started', async () => {
    const timedOut = await listener({ timeoutMs: 50 });
    await expect(timedOut.redirect.result).rejects.toMatchObject({ code: 'consent-timeout' });
    expect(await listening(timedOut.port)).toBe(false);

    const abort = new AbortController();
    const cancelled = await listener({ signal: abort.signal });
    abort.abort();
    await expect(cancelled.redirect.result).rejects.toMatchObject({ code: 'consent-cancelled' });
    expect(await listening(cancelled.port)).toBe(false);

    const closed = await listener();
    closed.redirect.close();
    await expect(closed.redirect.result).rejects.toMatchObject({ code: 'consent-cancelled' });
    expect(await listening(closed.port)).toBe(false);

    const early = new AbortController();
    early.abort();
    const never = await listener({ signal: early.signal });
    await expect(never.redirect.result).rejects.toMatchObject({ code: 'consent-cancelled' });
    expect(await listening(never.port)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// End to end: SAM Desk's consent service, msal-node and the local Entra ID

function consentService(openBrowser: (url: string) => void) {
  return createConsentService({ getProfile: async () => profile, vault: keychain, openBrowser, now: () => new Date(), pages: PAGES });
}

/** Runs a consent whose "browser" does `act` with the sign-in URL; returns the outcome and that URL. */
async function consentWith(act: (signInUrl: URL) => Promise<void>): Promise<{ outcome: ConsentProgress; signInUrl: URL }> {
  let signInUrl: URL | undefined;
  const failures: unknown[] = [];
  const outcome = await consentService((url) => {
    signInUrl = new URL(url);
    void act(signInUrl).catch((error: unknown) => failures.push(error));
  }).consent(profile.id);
  expect(failures).toEqual([]);
  return { outcome, signInUrl: signInUrl ?? expect.fail('the browser was not opened') };
}

const tokenUrl = () => `${cloud.endpoints.entra}/${profile.tenantId}/oauth2/v2.0/token`;
const scopeParameter = () => `${partnerCenterScope(profile)} offline_access openid profile`;

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** An authorization request of our own (the attacker's, or the protocol test's), signed in through the pages. */
async function authorizationCode(parameters: Record<string, string>): Promise<URL> {
  const url = new URL(`${cloud.endpoints.entra}/${profile.tenantId}/oauth2/v2.0/authorize`);
  for (const [name, value] of Object.entries({ client_id: profile.clientId, response_type: 'code', scope: scopeParameter(), prompt: 'login', ...parameters })) url.searchParams.set(name, value);
  return (await driveSignIn(url.toString(), signInAnswers())).redirectedTo;
}

async function redeemDirectly(code: string, redirectUri: string, verifier: string | null): Promise<{ status: number; body: { error?: string; error_codes?: number[]; error_description?: string; access_token?: string } }> {
  const form = new URLSearchParams({ client_id: profile.clientId, client_secret: cloud.state.world.app.clientSecret, grant_type: 'authorization_code', code, redirect_uri: redirectUri, scope: scopeParameter() });
  if (verifier !== null) form.set('code_verifier', verifier);
  const response = await fetch(tokenUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  return { status: response.status, body: (await response.json()) as { error?: string; error_codes?: number[]; error_description?: string } };
}

async function nothingStored(): Promise<void> {
  expect(await keychain.get(secretAccounts.refreshToken(profile.id))).toBeNull();
  expect(cloud.keyVault.versionCount(SECRET_NAME)).toBe(0);
}

describe('consent under attack', () => {
  it('always asks for PKCE with S256: a fresh 43-character challenge, state and nonce on every run, no verifier in the URL', async () => {
    const urls: URL[] = [];
    for (let run = 0; run < 3; run++) {
      const service = consentService((url) => {
        urls.push(new URL(url));
        service.cancel(profile.id);
      });
      expect(await service.consent(profile.id)).toMatchObject({ state: 'failed', error: 'consent-cancelled' });
    }
    const base64url43 = /^[A-Za-z0-9_-]{43}$/;
    for (const url of urls) {
      const query = url.searchParams;
      expect(query.get('code_challenge_method')).toBe('S256');
      expect(query.get('code_challenge')).toMatch(base64url43);
      expect(query.get('state')).toMatch(base64url43);
      expect(query.get('nonce')).toMatch(base64url43);
      expect(query.get('response_type')).toBe('code');
      expect(query.get('response_mode') ?? 'query').toBe('query');
      expect(query.get('prompt')).toBe('login');
      expect(query.get('client_id')).toBe(profile.clientId);
      expect(query.get('scope')?.split(' ')).toEqual(expect.arrayContaining([partnerCenterScope(profile), 'offline_access']));
      expect(query.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/$/);
      expect([...query.keys()].filter((name) => /verifier|secret|assertion/i.test(name))).toEqual([]);
      // Each run's listener is gone once the run is.
      expect(await listening(Number(new URL(query.get('redirect_uri') ?? '').port))).toBe(false);
    }
    for (const name of ['code_challenge', 'state', 'nonce', 'redirect_uri']) {
      expect(new Set(urls.map((url) => url.searchParams.get(name))).size, name).toBe(urls.length);
    }

    // And the verifier SAM Desk then sends is the one the challenge was made from: Entra checks S256 on redemption.
    const { outcome, signInUrl } = await consentWith(async (url) => {
      const { redirectedTo } = await driveSignIn(url.toString(), signInAnswers());
      await fetch(redirectedTo);
    });
    expect(outcome.state).toBe('succeeded');
    const issued = [...cloud.entra.codes.values()];
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ redeemed: true, request: { codeChallengeMethod: 'S256', codeChallenge: signInUrl.searchParams.get('code_challenge') } });
  });

  it('Entra refuses a code redeemed without its verifier or with a wrong one (invalid_grant, AADSTS501481); only the right one works, once', async () => {
    const redirectUri = 'http://localhost:8400/';
    const { verifier, challenge } = pkcePair();
    const code = (await authorizationCode({ redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state: 's', nonce: 'n' })).searchParams.get('code') ?? '';
    expect(code).toMatch(/^1\.A/);
    for (const [name, attempt] of [
      ['no code_verifier', null],
      ['an empty code_verifier', ''],
      ['a wrong verifier', pkcePair().verifier],
      ['the challenge itself (what an eavesdropper on the URL has)', challenge],
      ['the verifier with one character changed', `${verifier.slice(0, -1)}${verifier.endsWith('A') ? 'B' : 'A'}`],
    ] as const) {
      const refused = await redeemDirectly(code, redirectUri, attempt);
      expect(refused.status, name).toBe(400);
      expect(refused.body, name).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
      expect(refused.body.error_description, name).toMatch(/^AADSTS501481: The Code_Verifier does not match the code_challenge/);
    }
    const redeemed = await redeemDirectly(code, redirectUri, verifier);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.access_token).toBeTruthy();
    // The replay of a redeemed code, verifier and all.
    expect(await redeemDirectly(code, redirectUri, verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [54005] } });

    // Through msal-node, as SAM Desk redeems, a wrong verifier is a stable code-invalid (AADSTS 501481).
    const pair = pkcePair();
    const second = (await authorizationCode({ redirect_uri: redirectUri, code_challenge: pair.challenge, code_challenge_method: 'S256', state: 's', nonce: 'n' })).searchParams.get('code') ?? '';
    const app = createMsalApp(profile, await loadAppCredential(profile, keychain));
    const failure = await app.acquireTokenByCode({ code: second, scopes: [partnerCenterScope(profile), 'offline_access'], redirectUri, codeVerifier: pkcePair().verifier }).catch((error: unknown) => error);
    expect(classifyError(failure)).toMatchObject({ code: 'code-invalid', detail: { aadsts: 501481 } });
  });

  it('a replayed code is refused twice over: SAM Desk no longer listens, and Entra answers 54005', async () => {
    let delivered: URL | undefined;
    const { outcome } = await consentWith(async (url) => {
      delivered = (await driveSignIn(url.toString(), signInAnswers())).redirectedTo;
      await fetch(delivered);
    });
    expect(outcome.state).toBe('succeeded');
    const stored = await keychain.get(secretAccounts.refreshToken(profile.id));
    const callback = delivered ?? expect.fail('no callback');

    // SAM Desk: the one-shot listener closed with the first callback; the browser's reload reaches nothing.
    await expect(fetch(callback)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    // Entra: the code is single-use, whatever verifier comes with it.
    const replay = await redeemDirectly(callback.searchParams.get('code') ?? '', `${callback.origin}/`, pkcePair().verifier);
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [54005] } });
    expect(await keychain.get(secretAccounts.refreshToken(profile.id))).toBe(stored);
    expect(cloud.keyVault.versionCount(SECRET_NAME)).toBe(1);
  });

  it('an attacker who learned the state still cannot inject a code: PKCE binds the code, the nonce binds the ID token, nothing is stored', async () => {
    // The attacker signs in with an authorization request of their own, aimed at the victim's listener and carrying
    // the victim's state, then makes the victim's browser deliver the code.
    const inject = (attackerParameters: (victim: URL) => Record<string, string>) =>
      consentWith(async (victim) => {
        const redirectUri = victim.searchParams.get('redirect_uri') ?? '';
        const attackerCode = await authorizationCode({ redirect_uri: redirectUri, state: victim.searchParams.get('state') ?? '', ...attackerParameters(victim) });
        await fetch(attackerCode);
      });

    const withOwnPkce = await inject(() => ({ code_challenge: pkcePair().challenge, code_challenge_method: 'S256', nonce: randomBytes(16).toString('hex') }));
    expect(withOwnPkce.outcome).toMatchObject({ state: 'failed', error: 'code-invalid', detail: { aadsts: 501481 } });
    await nothingStored();

    // A PKCE downgrade (no challenge, which Entra does not check then) meets msal-node's nonce check instead.
    const withoutPkce = await inject(() => ({ nonce: randomBytes(16).toString('hex') }));
    expect(withoutPkce.outcome).toMatchObject({ state: 'failed', error: 'code-invalid', detail: { reason: 'nonce_mismatch' } });
    await nothingStored();
    const withoutNonce = await inject(() => ({}));
    expect(withoutNonce.outcome).toMatchObject({ state: 'failed', error: 'code-invalid', detail: { reason: 'nonce_mismatch' } });
    await nothingStored();
  });

  it('an error callback (access_denied, or another error) ends the consent cleanly, stores nothing and reflects nothing', async () => {
    const hostile = '<script>alert(document.cookie)</script>';
    const answers: RawResponse[] = [];
    const deny = (error: string) =>
      consentWith(async (url) => {
        const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
        const query = new URLSearchParams({ error, error_description: hostile, error_uri: 'https://evil.example/', state: url.searchParams.get('state') ?? '' });
        answers.push(await get(Number(redirect.port), `/?${query.toString()}`, BROWSER_NAVIGATION));
      });

    const denied = await deny('access_denied');
    expect(denied.outcome).toMatchObject({ state: 'failed', error: 'consent-denied' });
    await nothingStored();
    const other = await deny(`interaction_required${'<x>'.repeat(500)}`);
    expect(other.outcome).toMatchObject({ state: 'failed', error: 'identity-service-error' });
    const detail = other.outcome.state === 'failed' ? other.outcome.detail : {};
    expect(String(detail.error).length).toBeLessThanOrEqual(64);
    await nothingStored();

    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 200, body: PAGES.failure });
      expect(answer.head).not.toMatch(/evil\.example|script/i);
    }
    for (const { signInUrl } of [denied, other]) expect(await listening(Number(new URL(signInUrl.searchParams.get('redirect_uri') ?? '').port))).toBe(false);
  });

  it('a program listening on the registered port at ::1 or 127.0.0.1 gets no code: the consent refuses to start with redirect-port-in-use', async () => {
    for (const taken of LOOPBACK_ADDRESSES) {
      const hostile = await hostileListener(taken);
      try {
        profile = { ...profile, redirectPort: hostile.port };
        const opened: string[] = [];
        const outcome = await consentService((url) => opened.push(url)).consent(profile.id);
        expect(outcome, taken).toMatchObject({ state: 'failed', error: 'redirect-port-in-use', detail: { port: hostile.port } });
        expect(opened, taken).toEqual([]);
        expect(hostile.connections(), taken).toBe(0);
        await nothingStored();
      } finally {
        await hostile.close();
      }
    }
  });

  it('a sam-desk:// link cannot carry OAuth parameters into a consent: only the action and the profile survive parsing', () => {
    for (const link of [
      'sam-desk://reconsent?profile=p&code=1.Aabc&state=s&redirect_uri=http%3A%2F%2Fevil.example%2F&login_hint=attacker%40evil.example&prompt=none&code_challenge_method=plain',
      'sam-desk://reconsent?profile=p#code=1.Aabc&state=s',
      'sam-desk:reconsent?code=1.Aabc&profile=p&error=access_denied',
    ]) {
      // Exactly these two keys: nothing else of the link can reach consent.start.
      expect(parseDeepLink(link), link).toStrictEqual({ action: 'reconsent', profile: 'p' });
    }
    expect(parseDeepLink('sam-desk://reconsent?code=1.Aabc&state=s')).toBeNull();
    expect(parseDeepLink('sam-desk://http%3A%2F%2F127.0.0.1%3A8400%2F%3Fcode%3Dx?profile=p')).toBeNull();
  });
});
