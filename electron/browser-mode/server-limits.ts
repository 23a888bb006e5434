import type { ServerOptions } from 'node:http';

/**
 * What the browser-mode server gives any one client, and all of them together. One page needs a handful of
 * connections (Chromium opens at most six to a host, one of them the event stream) with small, prompt requests;
 * anything slower or more numerous is another local program holding the server hostage (slowloris), and is dropped.
 */
export interface ServerLimits {
  /** From the connection's first byte (or the end of the last request) to the end of the request headers. */
  readonly headersTimeoutMs: number;
  /** From the same start to the end of the request body. */
  readonly requestTimeoutMs: number;
  /** How long an idle kept-alive connection waits for its next request. */
  readonly keepAliveTimeoutMs: number;
  /** Open connections at once; further ones are closed as they arrive. */
  readonly maxConnections: number;
  /** The request line and headers together. */
  readonly maxHeaderBytes: number;
  /** How often the two timeouts above are checked (Node checks them on a timer, 30 s unless told). */
  readonly timeoutCheckIntervalMs: number;
}

export const BROWSER_MODE_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 32,
  maxHeaderBytes: 16 * 1024,
  timeoutCheckIntervalMs: 1_000,
};

export function serverOptions(limits: ServerLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxHeaderSize: limits.maxHeaderBytes,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
  };
}
