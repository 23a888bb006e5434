import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Electron's security checklist, item by item, against the main-process code that implements it. The Electron binary
 * cannot run here, so `electron` is a stand-in that records what the code asks of it (options, handlers, calls);
 * everything under test is the product's own code.
 */
type Listener = (...args: unknown[]) => void;

class FakeSession {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  devicePermission: (() => boolean) | null = null;
  readonly listeners = new Map<string, Listener>();
  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionRequest']>): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['permissionCheck']>): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermission = handler;
  }
  on(event: string, listener: Listener): void {
    this.listeners.set(event, listener);
  }
}

class FakeContents {
  readonly listeners = new Map<string, Listener>();
  windowOpen: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly session: FakeSession) {}
  on(event: string, listener: Listener): void {
    this.listeners.set(event, listener);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpen = handler;
  }
  /** Fires a navigation-like event; returns whether the code prevented it. */
  fire(event: string, url?: string): boolean {
    let prevented = false;
    this.listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

const recorded = vi.hoisted(() => ({
  windows: [] as Array<{ options: { webPreferences?: Record<string, unknown> } }>,
  openedExternally: [] as string[],
  schemes: [] as unknown[],
  protocolHandler: null as ((request: { url: string }) => Promise<Response>) | null,
  ipcHandlers: new Map<string, (event: unknown, request: unknown) => Promise<unknown>>(),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents: FakeContents;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      this.webContents = new FakeContents(new FakeSession());
      recorded.windows.push(this);
    }
    once(): void {}
    show(): void {}
  }
  return {
    BrowserWindow,
    shell: { openExternal: async (url: string) => void recorded.openedExternally.push(url) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => (recorded.protocolHandler = handler),
    },
    ipcMain: { handle: (channel: string, handler: (event: unknown, request: unknown) => Promise<unknown>) => recorded.ipcHandlers.set(channel, handler), removeHandler: () => undefined },
    session: { fromPartition: () => new FakeSession() },
  };
});

const { createSecureWindow, guardDownloads, lockDown } = await import('./window');
const { registerAppScheme, serveRenderer } = await import('./app-protocol');
const { registerIpc } = await import('./ipc');
const { EventBus } = await import('../ipc/event-bus');
const { silentLogger } = await import('../services/logger');
const { methodChannel } = await import('../../shared/ipc/channels');

beforeEach(() => {
  recorded.windows.length = 0;
  recorded.openedExternally.length = 0;
});

const hostile = ['https://evil.example/', 'file:///etc/passwd', 'http://app.sam-desk/', 'app://sam-desk.evil/index.html', 'javascript:alert(1)', 'data:text/html,<script>1</script>'];

describe("Electron's security checklist", () => {
  it('sandbox, context isolation, no Node, no webview, web security — forced whatever the caller passes', () => {
    createSecureWindow('/preload.cjs', { webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false, webviewTag: true, allowRunningInsecureContent: true } });
    const preferences = recorded.windows[0]?.options.webPreferences ?? {};
    expect(preferences).toMatchObject({
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
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('denies navigation and redirects off the app origin, and webview attachment', () => {
    const window = createSecureWindow('/preload.cjs') as unknown as { webContents: FakeContents };
    const contents = window.webContents;
    for (const url of hostile) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
    expect(contents.fire('will-navigate', 'app://sam-desk/index.html')).toBe(false);
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('opens no new window, and hands only allow-listed https addresses to the system browser', async () => {
    const contents = new FakeContents(new FakeSession());
    lockDown(contents as never);
    for (const url of [...hostile, 'https://learn.microsoft.com/partner-center/', 'https://user:pw@learn.microsoft.com/', 'https://learn.microsoft.com:8443/']) {
      expect(contents.windowOpen?.({ url })).toEqual({ action: 'deny' });
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(recorded.openedExternally).toEqual(['https://learn.microsoft.com/partner-center/']);
  });

  it('refuses every permission request and check except plain-text clipboard writes, and every device', () => {
    const contents = new FakeContents(new FakeSession());
    lockDown(contents as never);
    const { session } = contents;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb']) {
      let granted: boolean | null = null;
      session.permissionRequest?.(contents, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(session.permissionCheck?.(contents, permission), permission).toBe(false);
    }
    expect(session.permissionCheck?.(contents, 'clipboard-sanitized-write')).toBe(true);
    expect(session.devicePermission?.()).toBe(false);
  });

  it('refuses downloads the page did not make itself', () => {
    const session = new FakeSession();
    guardDownloads(session as never);
    const download = (url: string): boolean => {
      let prevented = false;
      session.listeners.get('will-download')?.({ preventDefault: () => (prevented = true) }, { getURL: () => url });
      return prevented;
    };
    expect(download('https://evil.example/payload.exe')).toBe(true);
    expect(download('blob:https://evil.example/1')).toBe(true);
    expect(download('blob:app://sam-desk/8d1f7c1e-0000-4000-8000-000000000000')).toBe(false);
  });

  it('serves the page from a privileged app:// origin with the CSP header, and nothing outside its folder', async () => {
    registerAppScheme();
    expect(recorded.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
    const folder = mkdtempSync(join(tmpdir(), 'sam-desk-renderer-'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>SAM Desk</title>');
    serveRenderer(folder);
    const page = await recorded.protocolHandler?.({ url: 'app://sam-desk/index.html' });
    expect(page?.status).toBe(200);
    const policy = page?.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(page?.headers.get('x-content-type-options')).toBe('nosniff');
    for (const url of ['app://sam-desk/../../etc/passwd', 'app://sam-desk/%2e%2e/%2e%2e/etc/passwd', 'app://other/index.html', 'app://sam-desk/missing.js']) {
      expect((await recorded.protocolHandler?.({ url }))?.status, url).toBe(404);
    }
  });

  it('answers IPC only from the main window top frame on the app origin, and only with a schema-checked payload', async () => {
    const mainContents = {};
    const window = { webContents: mainContents, isDestroyed: () => false };
    let dispatched = 0;
    registerIpc(
      async () => {
        dispatched += 1;
        return { ok: true, value: null } as never;
      },
      new EventBus(),
      () => window as never,
      silentLogger,
    );
    const handler = recorded.ipcHandlers.get(methodChannel('app.info'));
    expect(handler).toBeDefined();
    const call = (sender: unknown, url: string, parent: unknown = null) => handler?.({ sender, senderFrame: { url, parent } }, {});
    expect(await call({}, 'app://sam-desk/index.html')).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await call(mainContents, 'https://evil.example/')).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await call(mainContents, 'app://sam-desk/index.html', {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(dispatched).toBe(0);
    await call(mainContents, 'app://sam-desk/index.html');
    expect(dispatched).toBe(1);
  });
});
