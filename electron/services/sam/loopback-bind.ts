import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Every address `localhost` stands for. The redirect URI partners register is `http://localhost:PORT`, and a browser
 * resolves that name itself and connects to whichever address answers (Chromium tries ::1 as well as 127.0.0.1). An
 * address left free on the port is one where another local program can listen and receive the authorization code,
 * so the consent listener holds all of them on one port, or does not start.
 */
export const LOOPBACK_ADDRESSES: readonly string[] = ['127.0.0.1', '::1'];

/** The machine has no such address (IPv6 switched off): nothing can listen there, so there is nothing to hold. */
const ABSENT_ADDRESS = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT']);
/** How often a free port is drawn again when the one drawn for 127.0.0.1 turns out to be taken on ::1. */
const FREE_PORT_ATTEMPTS = 8;

export interface BoundAddress {
  readonly address: string;
  readonly family: string;
  readonly port: number;
}

export interface LoopbackBinding {
  readonly port: number;
  readonly addresses: readonly BoundAddress[];
  /** Stops listening on every address; open connections are left to `closeAllConnections`. */
  close(): void;
  closeAllConnections(): void;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Listens with `handler` on every address of `addresses` that exists on this machine, all on the same port: `port`,
 * or with 0 a port free on all of them. Rejects with the listen error (EADDRINUSE when any of them is taken on that
 * port), having closed whatever it had opened.
 */
export async function bindLoopback(handler: RequestListener, port: number, addresses: readonly string[] = LOOPBACK_ADDRESSES): Promise<LoopbackBinding> {
  for (let attempt = 1; ; attempt += 1) {
    const servers: Server[] = [];
    let chosen = port;
    try {
      for (const host of addresses) {
        const server = createServer(handler);
        try {
          await listen(server, chosen, host);
        } catch (error) {
          if (ABSENT_ADDRESS.has((error as { code?: string }).code ?? '')) continue;
          throw error;
        }
        servers.push(server);
        chosen = (server.address() as AddressInfo).port;
      }
      if (servers.length === 0) throw Object.assign(new Error('no loopback address to listen on'), { code: 'EADDRNOTAVAIL' });
    } catch (error) {
      for (const server of servers) server.close();
      const retry = port === 0 && (error as { code?: string }).code === 'EADDRINUSE' && attempt < FREE_PORT_ATTEMPTS;
      if (retry) continue;
      throw error;
    }
    return {
      port: chosen,
      addresses: servers.map((server) => {
        const { address, family } = server.address() as AddressInfo;
        return { address, family, port: chosen };
      }),
      close: () => servers.forEach((server) => server.close()),
      closeAllConnections: () => servers.forEach((server) => server.closeAllConnections()),
    };
  }
}
