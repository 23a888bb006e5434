import { isMethodName, methods, type MethodName } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import type { HandlerTable } from './handler-table';
import { rememberEnteredSecrets } from '../services/entered-secrets';
import type { Logger } from '../services/logger';

/**
 * The single door into the handlers, shared by Electron IPC and browser mode. The request is parsed with the
 * contract's schema before any handler runs; the response is parsed on the way out too, which strips any field
 * the contract does not name, so nothing a service holds (a token, a secret) can leak through a sloppy return.
 */
export function createDispatcher(handlers: HandlerTable, logger: Logger) {
  return async function dispatch(method: string, rawRequest: unknown): Promise<Envelope> {
    if (!isMethodName(method)) return { ok: false, error: { code: 'unknown-method' } };
    // Before anything can log: a secret typed into the window is one the logger redacts from here on.
    rememberEnteredSecrets(rawRequest);
    const spec = methods[method];
    const parsed = spec.request.safeParse(rawRequest);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? '';
      logger.warn('ipc.invalid-request', { method, field });
      return { ok: false, error: field ? { code: 'invalid-request', field } : { code: 'invalid-request' } };
    }
    try {
      const value = await callHandler(handlers, method, parsed.data);
      return { ok: true, value: spec.response.parse(value) };
    } catch (error) {
      // Only the error's class name is logged: messages may quote the input, and the input may be a token.
      logger.error('ipc.handler-failed', { method, error: error instanceof Error ? error.name : typeof error });
      return { ok: false, error: { code: 'internal' } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

function callHandler(handlers: HandlerTable, method: MethodName, request: unknown): Promise<unknown> {
  // The request was parsed with this method's own schema just above, so the cast only restates that.
  const handler = handlers[method] as (request: unknown) => Promise<unknown>;
  return handler(request);
}
