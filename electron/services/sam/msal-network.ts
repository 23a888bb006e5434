import { AuthError } from '@azure/msal-node';
import { isOnOrigins } from '../../../shared/profiles/endpoint-binding';

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

export interface MsalNetworkOptions {
  /** Cancels every request (the admin cancelled the consent). */
  readonly signal?: AbortSignal;
  /**
   * The only origins a request may go to: the sign-in host the profile's secret and tokens are bound to, and its
   * aliases (bound-endpoints.ts, endpoint-binding.ts). Every Entra request carries the client secret or assertion, a
   * code or a refresh token, so this is checked right before each one, whatever msal was told or discovered.
   */
  readonly signInOrigins?: readonly string[];
}

/** The AuthError code of a request refused by `signInOrigins` (classify-error.ts maps it to destination-refused). */
export const DESTINATION_REFUSED = 'destination_refused';

/**
 * msal-node's requests through fetch with a deadline and a cancel signal. msal-node's own client sets no deadline on
 * token requests, so an Entra that accepts the connection and never answers would hold a consent or a redemption
 * forever. Redirects are not followed: a token request's body must not be re-sent to wherever a Location points.
 * Errors are msal AuthErrors, which msal passes through as they are: a timeout or a cancel reads as
 * `network_error` (the admin's remedy: check the connection, try again), an unreadable answer as `token_parsing_error`.
 */
export function createMsalNetworkClient(networkOptions: MsalNetworkOptions = {}): MsalNetworkClient {
  const { signal, signInOrigins } = networkOptions;
  async function send<T>(url: string, method: 'GET' | 'POST', options: NetworkRequestOptions | undefined, timeoutMs: number): Promise<NetworkResponse<T>> {
    if (signInOrigins && !isOnOrigins(url, signInOrigins)) throw new AuthError(DESTINATION_REFUSED, '', 'Request refused: not the bound sign-in host');
    const deadline = AbortSignal.timeout(timeoutMs);
    const stop = signal ? AbortSignal.any([deadline, signal]) : deadline;
    const reason = (): string => (signal?.aborted ? 'Request cancelled' : 'Request timeout');
    let response: Response;
    try {
      response = await fetch(url, { method, headers: options?.headers ?? {}, signal: stop, redirect: 'error', ...(method === 'POST' ? { body: options?.body ?? '' } : {}) });
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
