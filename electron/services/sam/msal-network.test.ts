import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError } from '@azure/msal-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureTlsMaterial } from '../../../emulators/core/tls-certificate';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { startRecordingServer } from '../../testing/recording-server';
import { classifyError } from './classify-error';
import { createMsalNetworkClient, DESTINATION_REFUSED, msalTiming } from './msal-network';

/** A server whose routes answer as a healthy, broken or hung Entra would. */
let server: Server;
let base = '';
/** Requests that reached '/token'. */
let tokenHits = 0;
const saved = { ...msalTiming };

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/moved') {
        response.writeHead(307, { location: '/token' });
        response.end();
      } else if (request.url === '/token') {
        tokenHits += 1;
        response.writeHead(400, { 'content-type': 'application/json', 'x-ms-request-id': 'r1' });
        response.end(JSON.stringify({ error: 'invalid_grant', echoed: Buffer.concat(chunks).toString(), contentType: request.headers['content-type'] }));
      } else if (request.url === '/not-json') {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<html>Bad gateway</html>');
      } else if (request.url === '/stalls-after-headers') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"access_token":');
      }
      // '/hangs': never answered.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterEach(() => Object.assign(msalTiming, saved));

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error: unknown = await promise.then(() => expect.fail('the request succeeded'), (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('the network client msal-node sends Entra requests through', () => {
  it('posts the body and headers and hands back status, headers and the parsed answer', async () => {
    const response = await createMsalNetworkClient().sendPostRequestAsync<{ echoed: string; contentType: string }>(`${base}/token`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token' });
    expect(response.status).toBe(400);
    expect(response.headers['x-ms-request-id']).toBe('r1');
    expect(response.body).toMatchObject({ echoed: 'grant_type=refresh_token', contentType: 'application/x-www-form-urlencoded' });
  });

  it('gives up on an Entra that never answers at the deadline, as a network error', async () => {
    msalTiming.requestTimeoutMs = 300;
    const started = performance.now();
    const error = await failure(createMsalNetworkClient().sendPostRequestAsync(`${base}/hangs`, { body: 'x' }));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error.errorCode).toBe('network_error');
    expect(error.errorMessage).toBe('Request timeout');
  });

  it('gives up on an answer that stalls after its headers, within the same deadline', async () => {
    msalTiming.requestTimeoutMs = 300;
    const error = await failure(createMsalNetworkClient().sendGetRequestAsync(`${base}/stalls-after-headers`));
    expect(error.errorCode).toBe('network_error');
  });

  it('keeps the shorter of msal-node’s own GET timeout and the deadline', async () => {
    msalTiming.requestTimeoutMs = 60_000;
    const started = performance.now();
    await failure(createMsalNetworkClient().sendGetRequestAsync(`${base}/hangs`, {}, 200));
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('stops at once when the caller cancels', async () => {
    const cancel = new AbortController();
    const request = createMsalNetworkClient({ signal: cancel.signal }).sendPostRequestAsync(`${base}/hangs`, { body: 'x' });
    setTimeout(() => cancel.abort(), 50);
    const error = await failure(request);
    expect(error.errorMessage).toBe('Request cancelled');
  });

  it('reports an answer that is not JSON as unreadable, without its content', async () => {
    const error = await failure(createMsalNetworkClient().sendGetRequestAsync(`${base}/not-json`));
    expect(error.errorCode).toBe('token_parsing_error');
    expect(error.message).not.toContain('Bad gateway');
  });

  it('reports a refused connection as a network error that names no address', async () => {
    const error = await failure(createMsalNetworkClient().sendGetRequestAsync('http://127.0.0.1:1/'));
    expect(error.errorCode).toBe('network_error');
    expect(error.message).not.toContain('127.0.0.1');
  });
});

describe('the sign-in host a network client is bound to', () => {
  it('is the only place its requests go: anything else is refused before a byte leaves', async () => {
    const tls = await ensureTlsMaterial(TLS_DIRECTORY);
    const elsewhere = await startRecordingServer({ tls: { cert: tls.certPem, key: tls.keyPem }, challengeAuthority: 'https://login.example.com/common' });
    try {
      const bound = createMsalNetworkClient({ signInOrigins: ['https://login.example.com'] });
      const post = await failure(bound.sendPostRequestAsync(`${elsewhere.origin}/tenant/oauth2/v2.0/token`, { body: 'grant_type=refresh_token&refresh_token=0.secret&client_secret=also-secret' }));
      expect(post.errorCode).toBe(DESTINATION_REFUSED);
      expect(classifyError(post)).toMatchObject({ code: 'destination-refused', detail: { service: 'entra' } });
      expect((await failure(bound.sendGetRequestAsync(`${elsewhere.origin}/tenant/v2.0/.well-known/openid-configuration`))).errorCode).toBe(DESTINATION_REFUSED);
      expect(elsewhere.received).toEqual([]);
      // Bound to that server, the same request goes through.
      const answer = await createMsalNetworkClient({ signInOrigins: [elsewhere.origin] }).sendPostRequestAsync(`${elsewhere.origin}/tenant/oauth2/v2.0/token`, { body: 'grant_type=client_credentials' });
      expect(answer.status).toBe(400);
      expect(elsewhere.received).toHaveLength(1);
    } finally {
      await elsewhere.close();
    }
  });

  it('follows no redirect: a token request is not re-sent to where a Location points', async () => {
    const hits = tokenHits;
    const error = await failure(createMsalNetworkClient().sendPostRequestAsync(`${base}/moved`, { body: 'grant_type=refresh_token' }));
    expect(error.errorCode).toBe('network_error');
    expect(tokenHits).toBe(hits);
  });
});
