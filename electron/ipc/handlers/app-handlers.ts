import { inspectToken } from '../../../shared/inspector/inspect';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { HandlerTable } from '../handler-table';

export interface HandlerDeps {
  readonly appInfo: () => Omit<AppInfo, 'online' | 'now'>;
  readonly isOnline: () => boolean;
  readonly now: () => Date;
}

export type CoreHandlers = Pick<HandlerTable, 'app.info' | 'tokens.inspect'>;

/** The app's own methods (the profile, consent and token methods are in sam-handlers.ts). */
export function createHandlers(deps: HandlerDeps): CoreHandlers {
  return {
    'app.info': async () => ({ ...deps.appInfo(), online: deps.isOnline(), now: deps.now().toISOString() }),
    'tokens.inspect': async ({ input }) => inspectToken(input, deps.now()),
  };
}
