import { AuthError } from '@azure/msal-node';

/** How long one request to Entra ID (discovery or token endpoint) may take, answer included. Tests shorten it. */
export const msalTiming = { requestTimeoutMs: 30_000 };

interface NetworkRequestOptions {
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

interface NetworkResponse<T> {
  readonly headers: Record<string, string>;
  readonly body: T;
  readonly status: number;
}

/** msal-node's network module contract (INetworkModule), stated here because msal-node does not export the type. */
export interface MsalNetworkClient {
  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>>;
  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>>;
}

/**
 * msal-node's requests through fetch with a deadline and a cancel signal. msal-node's own client sets no deadline on
 * token requests, so an Entra that accepts the connection and never answers would hold a consent or a redemption
 * forever. Errors are msal AuthErrors, which msal passes through as they are: a timeout or a cancel reads as
 * `network_error` (the admin's remedy: check the connection, try again), an unreadable answer as `token_parsing_error`.
 */
export function createMsalNetworkClient(signal?: AbortSignal): MsalNetworkClient {
  async function send<T>(url: string, method: 'GET' | 'POST', options: NetworkRequestOptions | undefined, timeoutMs: number): Promise<NetworkResponse<T>> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const stop = signal ? AbortSignal.any([deadline, signal]) : deadline;
    const reason = (): string => (signal?.aborted ? 'Request cancelled' : 'Request timeout');
    let response: Response;
    try {
      response = await fetch(url, { method, headers: options?.headers ?? {}, signal: stop, ...(method === 'POST' ? { body: options?.body ?? '' } : {}) });
    } catch (error) {
      // The fetch error's message may carry the URL and nothing secret; only its kind is kept.
      throw new AuthError('network_error', '', stop.aborted ? reason() : `Network request failed: ${error instanceof Error ? error.name : 'unknown'}`);
    }
    try {
      // The answer is read within the same deadline: a service that sends headers and then stalls is hung too.
      const body = (await response.json()) as T;
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return { headers, body, status: response.status };
    } catch {
      if (stop.aborted) throw new AuthError('network_error', '', reason());
      throw new AuthError('token_parsing_error', '', 'Failed to parse response');
    }
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, Math.min(timeout ?? msalTiming.requestTimeoutMs, msalTiming.requestTimeoutMs)),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options, msalTiming.requestTimeoutMs),
  };
}
