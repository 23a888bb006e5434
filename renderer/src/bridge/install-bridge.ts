import type { SamDeskApi } from '../../../shared/ipc/api';

/** Why there is no bridge: browser mode without a valid launch link, or with no server answering. */
export type BridgeMissingReason = 'launch-link' | 'unavailable';

/**
 * Returns window.samDesk. In Electron the preload has put it there; otherwise this is browser mode and the
 * HTTP client is loaded (as its own chunk, which Electron never fetches) and installed.
 */
export async function installBridge(): Promise<{ readonly api: SamDeskApi } | { readonly missing: BridgeMissingReason }> {
  if (window.samDesk) return { api: window.samDesk };
  const { createBrowserModeApi, openBrowserModeSession } = await import('./browser-mode-client');
  const session = await openBrowserModeSession();
  if (session.kind !== 'ready') return { missing: session.kind };
  const api = Object.freeze(createBrowserModeApi(session.key));
  Object.defineProperty(window, 'samDesk', { value: api, writable: false, configurable: false });
  return { api };
}

export function samDesk(): SamDeskApi {
  if (!window.samDesk) throw new Error('window.samDesk is not installed');
  return window.samDesk;
}
