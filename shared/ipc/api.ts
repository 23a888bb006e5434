import type { EventName, EventPayload, MethodName, MethodRequest, MethodResponse } from './contract';
import { eventNames, methodNames } from './contract';

/**
 * The narrow, per-feature API the renderer sees as `window.samDesk`, derived from the contract:
 * method `tokens.inspect` becomes `samDesk.tokens.inspect(request)`, event `app.connectivity` becomes
 * `samDesk.app.onConnectivity(listener)` which returns its unsubscribe function.
 */

/** The namespace of a method or event name: the part before the dot. */
export type NamespaceOf<K extends string> = K extends `${infer N}.${string}` ? N : never;
type Namespace = NamespaceOf<MethodName> | NamespaceOf<EventName>;

export type SamDeskApi = {
  readonly [N in Namespace]: {
    readonly [M in MethodName as M extends `${N}.${infer Name}` ? Name : never]: (
      request: MethodRequest<M>,
    ) => Promise<MethodResponse<M>>;
  } & {
    readonly [E in EventName as E extends `${N}.${infer Name}` ? `on${Capitalize<Name>}` : never]: (
      listener: (payload: EventPayload<E>) => void,
    ) => () => void;
  };
};

/** How one side moves calls and events: Electron IPC in the preload, HTTP + server-sent events in browser mode. */
export interface Transport {
  invoke(method: MethodName, request: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

function split(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

export function listenerKey(eventName: string): string {
  const [, name] = split(eventName);
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** Builds a plain object of functions (contextBridge copies only plain data and functions). */
export function buildApi(transport: Transport): SamDeskApi {
  const api: Record<string, Record<string, unknown>> = {};
  const namespace = (n: string): Record<string, unknown> => (api[n] ??= {});
  for (const method of methodNames) {
    const [n, name] = split(method);
    namespace(n)[name] = (request: unknown) => transport.invoke(method, request);
  }
  for (const event of eventNames) {
    const [n] = split(event);
    namespace(n)[listenerKey(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${listenerKey(event)} needs a function`);
      return transport.subscribe(event, listener);
    };
  }
  return api as unknown as SamDeskApi;
}
