import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents, type WebPreferences } from 'electron';
import { guardContents } from '../security/contents-guards';
import { appSessionPolicy, guardSession } from '../security/session-guards';
import { electronPlatform } from './platform';
import { isAppBlobUrl, isAppUrl } from './app-origin';

/**
 * The one window factory. Whatever options a caller passes, the security-relevant web preferences are forced
 * afterwards, so no window can be created with Node in the page or without the sandbox. `preloadPath` null: a window
 * that shows no page of ours (the in-app sign-in window) gets no preload, whatever the options say. The navigation
 * policy is the app's origin unless the caller names another.
 */
export function createSecureWindow(preloadPath: string | null, options: BrowserWindowConstructorOptions = {}, mayNavigateTo: (url: string) => boolean = isAppUrl): BrowserWindow {
  const preferences: WebPreferences = { ...options.webPreferences };
  delete preferences.preload;
  if (preloadPath !== null) preferences.preload = preloadPath;
  const window = new BrowserWindow({
    ...options,
    show: false,
    webPreferences: {
      ...preferences,
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
  lockDown(window.webContents, mayNavigateTo);
  window.once('ready-to-show', () => window.show());
  return window;
}

/**
 * Applied to every web contents the app ever creates (see main.ts), not just the main window's: the navigation,
 * webview and window-open guards, and the app's session policy for a session nobody has guarded yet (a sign-in
 * window's session was guarded, more strictly, before its window existed, and keeps that).
 */
export function lockDown(contents: WebContents, mayNavigateTo: (url: string) => boolean = isAppUrl): void {
  // Links to Microsoft's documentation and portals go to the system browser; nothing opens inside the app.
  guardContents(contents, { mayNavigateTo, openExternal: (url) => void electronPlatform.openExternal(url) });
  guardAppSession(contents.session);
}

/**
 * The main window's session: the Copy buttons' clipboard writes, and as downloads only the window's own CSV exports
 * (blob: URLs of app://sam-desk), saved where the admin picks in the save dialog Electron shows.
 */
export function guardAppSession(session: Session): void {
  guardSession(session, appSessionPolicy(isAppBlobUrl));
}
