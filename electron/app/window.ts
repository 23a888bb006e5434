import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { electronPlatform } from './platform';
import { isAppBlobUrl, isAppUrl } from './app-origin';

/**
 * The one window factory. Whatever options a caller passes, the security-relevant web preferences are forced
 * afterwards, so no window can be created with Node in the page or without the sandbox.
 */
export function createSecureWindow(preloadPath: string, options: BrowserWindowConstructorOptions = {}): BrowserWindow {
  const window = new BrowserWindow({
    ...options,
    show: false,
    webPreferences: {
      ...options.webPreferences,
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click would ask for a new window; refused anyway by the window-open handler, and not offered at all.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Applied to every web contents the app ever creates (see main.ts), not just the main window's. */
export function lockDown(contents: WebContents, mayNavigateTo: (url: string) => boolean = isAppUrl): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigateTo(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigateTo(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to Microsoft's documentation and portals go to the system browser; nothing opens inside the app.
    void electronPlatform.openExternal(url);
    return { action: 'deny' };
  });
  const session = contents.session;
  // Every permission is refused except writing plain text to the clipboard (the Copy buttons).
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
  session.setDevicePermissionHandler(() => false);
}

/**
 * The only downloads are the window's own CSV exports (blob: URLs of app://sam-desk), saved where the admin picks in
 * the save dialog Electron shows; anything else a page tries to download is refused. Registered once per session.
 */
export function guardDownloads(session: Session): void {
  session.on('will-download', (event, item) => {
    if (!isAppBlobUrl(item.getURL())) event.preventDefault();
  });
}
