import { inspectToken } from '../shared/inspector/inspect';
import type { AppInfo } from '../shared/ipc/contract';
import type { HandlerTable } from './handler-table';

export interface HandlerDeps {
  readonly appInfo: () => Omit<AppInfo, 'online'>;
  readonly isOnline: () => boolean;
  readonly now: () => Date;
}

/** The handler table both bridges serve, built from services. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  return {
    'app.info': async () => ({ ...deps.appInfo(), online: deps.isOnline() }),
    'tokens.inspect': async ({ input }) => inspectToken(input, deps.now()),
  };
}
