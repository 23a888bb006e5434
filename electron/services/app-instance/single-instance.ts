import { deepLinkInArguments, isDeepLinkArgument, parseDeepLink, type DeepLink } from '../deep-link';
import type { Logger } from '../logger';
import type { AppLike, LaunchProcess } from './app-like';
import { DeepLinkRouter } from './deep-link-router';
import { presentMainWindow, type MainWindowControl } from './main-window';
import { registerProtocolClient } from './protocol-client';

export interface SingleInstanceOptions {
  readonly app: AppLike;
  readonly launch: LaunchProcess;
  readonly window: MainWindowControl;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * The first thing the main process does, before `ready`. A second instance (Windows and Linux start one for every
 * clicked link) hands its command line to the first through Electron's lock and quits at once, having registered
 * nothing and built nothing. The first instance registers the sam-desk scheme and owns every way a link arrives:
 * - `open-url` (macOS), listened for now because the link that launches the app is delivered before `ready`;
 * - `second-instance` (Windows and Linux): the second launch's arguments carry the link; without one the window is
 *   just brought forward, and on macOS a window that was closed is opened again;
 * - its own command line (a cold start on Windows and Linux).
 * Returns the router, which holds links until the window has loaded, or null in a second instance.
 */
export function claimSingleInstance(options: SingleInstanceOptions): DeepLinkRouter | null {
  const { app, launch, logger } = options;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  registerProtocolClient(app, launch);
  const router = new DeepLinkRouter({ present: () => presentMainWindow(options.window), logger, ...(options.now ? { now: options.now } : {}) });
  const linkInArguments = (argv: readonly string[], source: string): DeepLink | null => {
    const link = deepLinkInArguments(argv);
    if (!link && argv.some(isDeepLinkArgument)) logger.warn('deep-link.refused', { source });
    return link;
  };

  app.on('open-url', (event, url) => {
    // Handled here; without this macOS would treat the URL as unopened.
    event.preventDefault();
    const link = parseDeepLink(url);
    if (!link) logger.warn('deep-link.refused', { source: 'open-url' });
    router.receive(link);
  });
  app.on('second-instance', (_event, argv) => router.receive(linkInArguments(argv, 'second-instance')));
  const launchLink = linkInArguments(launch.argv, 'command-line');
  // A plain launch has nothing to route; the window shows itself once built.
  if (launchLink) router.receive(launchLink);
  return router;
}
