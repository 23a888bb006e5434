import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * An HTTPS server that writes down every request it receives (method, target, headers, body) and answers the way a
 * sign-in host, a Key Vault, Microsoft Graph or Partner Center would, so that a client that trusts it goes as far as
 * it would with the real service: it stands for an address an attacker put into a profile. Tests assert on what it
 * received. It serves the local cloud's certificate, which the test run trusts.
 */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface RecordingServer {
  /** https://127.0.0.1:PORT */
  readonly origin: string;
  readonly received: RecordedRequest[];
  close(): Promise<void>;
}

export interface RecordingServerOptions {
  readonly tls: { readonly cert: string; readonly key: string };
  /** What a Key Vault's 401 challenge names as the sign-in authority, e.g. the real Entra and tenant. */
  readonly challengeAuthority: string;
}

export async function startRecordingServer(options: RecordingServerOptions): Promise<RecordingServer> {
  const received: RecordedRequest[] = [];
  let origin = '';
  const server: Server = createServer({ cert: options.tls.cert, key: options.tls.key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '';
      received.push({ method: request.method ?? '', url, headers: { ...request.headers }, body: Buffer.concat(chunks).toString('utf8') });
      const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      const path = url.split('?', 1)[0] ?? '';
      const tenant = path.split('/')[1] ?? 'common';
      if (path.endsWith('/.well-known/openid-configuration')) {
        json(200, {
          issuer: `${origin}/${tenant}/v2.0`,
          authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
          token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
          jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
        });
      } else if (path.includes('/oauth2/')) {
        json(400, { error: 'invalid_grant', error_description: 'AADSTS70008: The provided grant has expired.', error_codes: [70008] });
      } else if (path.startsWith('/secrets')) {
        if (request.headers.authorization === undefined) {
          json(401, { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } }, { 'www-authenticate': `Bearer authorization="${options.challengeAuthority}", resource="https://vault.azure.net"` });
        } else json(404, { error: { code: 'SecretNotFound', message: 'A secret with that name was not found.' } });
      } else if (path.startsWith('/v1/')) {
        json(200, { totalCount: 0, items: [], links: {}, attributes: { objectType: 'Collection' } });
      } else json(404, { error: { code: 'NotFound' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    origin,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
