import type { z } from 'zod';
import type { NamespaceOf } from '../../shared/ipc/api';
import type { MethodName, MethodResponse, Methods } from '../../shared/ipc/contract';
import type { DeepReadonly } from './deep-readonly';

/** One function per contract method, receiving the already-validated request; it may return readonly service data. */
export type HandlerTable = {
  readonly [M in MethodName]: (request: z.output<Methods[M]['request']>) => Promise<DeepReadonly<MethodResponse<M>>>;
};

/** The namespaces of the contract's methods (`health`, `customers`, …). */
export type Namespace = NamespaceOf<MethodName>;

/**
 * The handlers of one namespace, read from the contract's method names, so a method added to the contract is
 * missing from its namespace's handler file (a type error) until it is written there.
 */
export type HandlersOf<N extends Namespace> = Pick<HandlerTable, Extract<MethodName, `${N}.${string}`>>;
