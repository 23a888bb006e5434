import type { z } from 'zod';
import type { MethodName, MethodResponse, Methods } from '../../shared/ipc/contract';
import type { DeepReadonly } from './deep-readonly';

/** One function per contract method, receiving the already-validated request; it may return readonly service data. */
export type HandlerTable = {
  readonly [M in MethodName]: (request: z.output<Methods[M]['request']>) => Promise<DeepReadonly<MethodResponse<M>>>;
};
