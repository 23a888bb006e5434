import type { SamDeskApi } from '../../../shared/ipc/api';

/**
 * Returns window.samDesk. In Electron the preload has put it there; otherwise this is browser mode and the
 * HTTP client is loaded (as its own chunk, which Electron never fetches) and installed.
 */
export async function installBridge(): Promise<SamDeskApi | null> {
  if (window.samDesk) return window.samDesk;
  const { createBrowserModeApi, readLaunchKey } = await import('./browser-mode-client');
  const key = readLaunchKey();
  if (!key) return null;
  const api = Object.freeze(createBrowserModeApi(key));
  Object.defineProperty(window, 'samDesk', { value: api, writable: false, configurable: false });
  return api;
}

export function samDesk(): SamDeskApi {
  if (!window.samDesk) throw new Error('window.samDesk is not installed');
  return window.samDesk;
}
