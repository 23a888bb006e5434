import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the browser-mode server. The server listens on 127.0.0.1 only, but any web page the user
 * visits can aim requests at loopback, and a DNS-rebinding page can even make them look same-origin. So:
 * the Host header must name this server exactly (rebinding sends the attacker's host name), a present Origin
 * must be this server, and every API call must carry a session key, which only a page that exchanged a launch code
 * has (launch-codes.ts).
 */
export const KEY_HEADER = 'x-sam-desk-key';

export interface RequestGuard {
  readonly allowedOrigins: ReadonlySet<string>;
  hostAllowed(request: IncomingMessage): boolean;
  originAllowed(request: IncomingMessage): boolean;
  keyPresented(request: IncomingMessage): boolean;
}

export function createRequestGuard(port: number, isSessionKey: (key: string) => boolean): RequestGuard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...hosts].map((host) => `http://${host}`));
  return {
    allowedOrigins,
    hostAllowed: (request) => hosts.has(request.headers.host ?? ''),
    originAllowed: (request) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin)) return false;
      // Browsers that send Fetch Metadata say outright when a request comes from another site.
      const site = request.headers['sec-fetch-site'];
      return site === undefined || site === 'same-origin' || site === 'none';
    },
    keyPresented: (request) => {
      const presented = request.headers[KEY_HEADER];
      return typeof presented === 'string' && isSessionKey(presented);
    },
  };
}
