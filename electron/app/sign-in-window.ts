import { session, type BrowserWindow, type WebContents } from 'electron';
import { signInNavigationPolicy } from '../security/contents-guards';
import { guardSession, signInPartition, signInSessionPolicy } from '../security/session-guards';
import { createSecureWindow, lockDown } from './window';

/**
 * The in-app alternative to the system browser for consent: a window with its own in-memory session (no cookies
 * from or to anywhere else, gone when it closes; no permission, device or download), no preload and no Node, that
 * may navigate only to https pages (Entra's sign-in, MFA and federation pages) and to the consent's own loopback
 * redirect — where SAM Desk's listener receives the code exactly as from a browser. Every other navigation and
 * every popup is refused. The rules are electron/security's, tested there.
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
  // Guarded before any page can exist in it, so the lock-down of the window's contents finds it guarded already.
  const signInSession = session.fromPartition(signInPartition());
  guardSession(signInSession, signInSessionPolicy);
  // Set just before the window exists: 'web-contents-created' fires synchronously inside its constructor.
  const mayNavigateTo = signInNavigationPolicy(redirectUri);
  pendingPolicy = mayNavigateTo;
  const window = createSecureWindow(null, { width: 520, height: 720, ...(parent ? { parent } : {}), title: 'Sign in — SAM Desk', autoHideMenuBar: true, webPreferences: { session: signInSession, spellcheck: false } }, mayNavigateTo);
  pendingPolicy = null;
  // Once the loopback listener has answered, the job of this window is done.
  window.webContents.on('did-navigate', (_event, url) => {
    if (url.startsWith(redirect.origin)) setTimeout(() => window.close(), 1_500);
  });
  void window.loadURL(signInUrl);
  return window;
}
