import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, net, nativeTheme, Notification, session, shell } from 'electron';
import { compose } from '../compose';
import { installCrashGuard } from '../services/crash-guard';
import { createLogger } from '../services/logger';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { claimAppInstance, deepLinkTarget } from './deep-links';
import { registerIpc } from './ipc';
import { APP_ENTRY_URL } from './app-origin';
import { lockDownContents, openSignInWindow } from './sign-in-window';
import { createSecureWindow, guardAppSession } from './window';
import { userDataDirectory } from '../services/app-paths';
import { defaultServices } from '../services/default-services';
import { findLocalCloud } from '../services/local-cloud';
import { isSignInUrl } from '../security/external-links';

/** The Electron shell: lifecycle, single instance, the app:// origin, the window and the IPC bridge. */
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

// One settings folder for the desktop app, browser mode and the CLI (see app-paths.ts); set before anything reads it.
app.setPath('userData', userDataDirectory());

let mainWindow: BrowserWindow | null = null;
/** Set at `ready`: builds the main window again if it was closed (macOS keeps running without one). */
let reopenMainWindow: (() => void) | null = null;
const logger = createLogger((line) => process.stderr.write(`${line}\n`));
// At the top, before `ready`: a second instance hands its link over and quits here without building anything, and
// the first starts listening for links now, since macOS delivers the one that launched the app before `ready`.
const deepLinks = claimAppInstance({ current: () => mainWindow, reopen: () => reopenMainWindow?.() }, logger);

if (deepLinks) {
  app.enableSandbox();
  registerAppScheme();
  installCrashGuard(process, logger);

  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

  void app.whenReady().then(() => {
    serveRenderer(rendererDir);
    guardAppSession(session.defaultSession);
    // The sign-in page opens in the system browser, only on the profile's bound sign-in host; the window also offers
    // "Copy sign-in link".
    const services = defaultServices(
      (url, signInOrigins) => {
        if (isSignInUrl(url, signInOrigins)) void shell.openExternal(url);
      },
      process.env,
      (url, redirectUri) => void openSignInWindow(url, redirectUri, mainWindow),
    );
    const composition = compose({
      mode: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      // An unreadable descriptor falls back to the real cloud; browser mode (the demo's path here) reports it.
      cloud: findLocalCloud(process.env).kind === 'local' ? 'local' : 'microsoft',
      isOnline: () => net.isOnline(),
      logger,
      services,
      language: app.getLocale(),
      notify: ({ profileId, title, body }) => {
        if (!Notification.isSupported()) return;
        const notification = new Notification({ title, body });
        // A click brings SAM Desk forward on the profile, as a sam-desk://health link would.
        notification.on('click', () => {
          if (mainWindow?.isMinimized()) mainWindow.restore();
          mainWindow?.focus();
          composition.bus.emit('profiles.focus', { profileId });
        });
        notification.show();
      },
    });
    registerIpc(composition.dispatch, composition.bus, () => mainWindow, logger);
    deepLinks.attach(deepLinkTarget(composition, services));
    const open = (): void => {
      mainWindow = createSecureWindow(preloadPath, {
        width: 1200,
        height: 800,
        minWidth: 720,
        minHeight: 480,
        title: 'SAM Desk',
        backgroundColor: nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#ffffff',
      });
      // Links wait for the page: a `profiles.focus` sent before it has loaded (or while it reloads) would reach no
      // one. Start and stop of loading come in pairs (the tab's spinner), also when a load fails.
      mainWindow.webContents.on('did-start-loading', () => deepLinks.windowUnloaded());
      mainWindow.webContents.on('did-stop-loading', () => deepLinks.windowReady());
      mainWindow.on('closed', () => {
        mainWindow = null;
        deepLinks.windowUnloaded();
      });
      void mainWindow.loadURL(APP_ENTRY_URL);
    };
    reopenMainWindow = () => {
      if (!mainWindow) open();
    };
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    app.on('will-quit', () => composition.dispose());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
