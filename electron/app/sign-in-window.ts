import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type WebContents } from 'electron';
import { lockDown } from './window';

/**
 * The in-app alternative to the system browser for consent: a window with its own in-memory session (no cookies
 * from or to anywhere else, gone when it closes), no preload and no Node, that may navigate only to https pages
 * (Entra's sign-in, MFA and federation pages) and to the consent's own loopback redirect — where SAM Desk's
 * listener receives the code exactly as from a browser. Every other navigation and every popup is refused.
 */
let pendingPolicy: ((url: string) => boolean) | null = null;

/** For app.on('web-contents-created'): the sign-in window's contents get its own navigation policy. */
export function lockDownContents(contents: WebContents): void {
  const policy = pendingPolicy;
  pendingPolicy = null;
  if (policy) lockDown(contents, policy);
  else lockDown(contents);
}

export function openSignInWindow(signInUrl: string, redirectUri: string, parent: BrowserWindow | null): BrowserWindow {
  const redirect = new URL(redirectUri);
  const allowed = (url: string): boolean => {
    try {
      const target = new URL(url);
      return target.protocol === 'https:' || (target.origin === redirect.origin && target.pathname === redirect.pathname);
    } catch {
      return false;
    }
  };
  const partition = `sign-in-${randomUUID()}`;
  // Set just before the window exists: 'web-contents-created' fires synchronously inside the constructor.
  pendingPolicy = allowed;
  const window = new BrowserWindow({
    width: 520,
    height: 720,
    ...(parent ? { parent } : {}),
    title: 'Sign in — SAM Desk',
    autoHideMenuBar: true,
    webPreferences: { partition, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, spellcheck: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick' },
  });
  pendingPolicy = null;
  const signInSession = session.fromPartition(partition);
  signInSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Once the loopback listener has answered, the job of this window is done.
  window.webContents.on('did-navigate', (_event, url) => {
    if (url.startsWith(redirect.origin)) setTimeout(() => window.close(), 1_500);
  });
  void window.loadURL(signInUrl);
  return window;
}
