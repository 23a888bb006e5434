import type { z } from 'zod';
import type { MethodName, MethodResponse, Methods } from '../shared/ipc/contract';

/** One function per contract method, receiving the already-validated request. */
export type HandlerTable = {
  readonly [M in MethodName]: (request: z.output<Methods[M]['request']>) => Promise<MethodResponse<M>>;
};
