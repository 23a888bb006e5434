import type { HandlersOf } from '../handler-table';
import type { HandlerDeps } from './handler-deps';

/** What the window knows of the app itself: its name, version, mode, whether it is online and main's clock. */
export function createAppHandlers(deps: HandlerDeps): HandlersOf<'app'> {
  return {
    'app.info': async () => ({ ...deps.appInfo(), online: deps.isOnline(), now: deps.now().toISOString() }),
  };
}
