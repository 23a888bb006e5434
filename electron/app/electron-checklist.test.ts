import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StandInSession } from '../testing/stand-in-session';

/**
 * Electron's security checklist, item by item, against the main-process code that implements it. The Electron binary
 * cannot run here, so `electron` is a stand-in that records what the code asks of it (options, handlers, calls);
 * everything under test is the product's own code.
 */
type Listener = (...args: unknown[]) => void;

class FakeContents {
  readonly listeners = new Map<string, Listener>();
  windowOpen: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly session: StandInSession) {}
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
  partitions: [] as Array<{ name: string; session: unknown }>,
  /** Electron's app 'web-contents-created', which fires inside the BrowserWindow constructor. */
  contentsCreated: null as ((contents: unknown) => void) | null,
  openedExternally: [] as string[],
  schemes: [] as unknown[],
  protocolHandler: null as ((request: { url: string }) => Promise<Response>) | null,
  ipcHandlers: new Map<string, (event: unknown, request: unknown) => Promise<unknown>>(),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents: FakeContents;
    loaded: string | null = null;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      const session = options.webPreferences?.session;
      this.webContents = new FakeContents(session instanceof StandInSession ? session : new StandInSession());
      recorded.windows.push(this);
      recorded.contentsCreated?.(this.webContents);
    }
    once(): void {}
    show(): void {}
    close(): void {}
    async loadURL(url: string): Promise<void> {
      this.loaded = url;
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: async (url: string) => void recorded.openedExternally.push(url) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => (recorded.protocolHandler = handler),
    },
    ipcMain: { handle: (channel: string, handler: (event: unknown, request: unknown) => Promise<unknown>) => recorded.ipcHandlers.set(channel, handler), removeHandler: () => undefined },
    session: {
      fromPartition: (name: string) => {
        const session = new StandInSession();
        recorded.partitions.push({ name, session });
        return session;
      },
    },
  };
});

const { createSecureWindow, guardAppSession, lockDown } = await import('./window');
const { registerAppScheme, serveRenderer } = await import('./app-protocol');
const { lockDownContents, openSignInWindow } = await import('./sign-in-window');
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
    const contents = new FakeContents(new StandInSession());
    lockDown(contents as never);
    for (const url of [...hostile, 'https://learn.microsoft.com/partner-center/', 'https://user:pw@learn.microsoft.com/', 'https://learn.microsoft.com:8443/']) {
      expect(contents.windowOpen?.({ url })).toEqual({ action: 'deny' });
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(recorded.openedExternally).toEqual(['https://learn.microsoft.com/partner-center/']);
  });

  it('refuses every permission request and check except plain-text clipboard writes, and every device', () => {
    const contents = new FakeContents(new StandInSession());
    lockDown(contents as never);
    const { session } = contents;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb']) {
      expect(session.requests(permission), permission).toBe(false);
      expect(session.checks(permission), permission).toBe(false);
    }
    expect(session.checks('clipboard-sanitized-write')).toBe(true);
    expect(session.grantsDevice()).toBe(false);
  });

  it('refuses downloads the page did not make itself', () => {
    const session = new StandInSession();
    guardAppSession(session as never);
    expect(session.downloads('https://evil.example/payload.exe')).toBe(false);
    expect(session.downloads('blob:https://evil.example/1')).toBe(false);
    expect(session.downloads('blob:app://sam-desk/8d1f7c1e-0000-4000-8000-000000000000')).toBe(true);
  });

  it('the in-app sign-in window, from the same factory: an in-memory session of its own with no permission, device or download; https and its redirect only; no preload', () => {
    recorded.contentsCreated = (contents) => lockDownContents(contents as never);
    try {
      const window = openSignInWindow('https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize', 'http://localhost:8400/', null) as unknown as { options: { webPreferences: Record<string, unknown> }; webContents: FakeContents; loaded: string };
      const partition = recorded.partitions.at(-1);
      expect(partition?.name).toMatch(/^sign-in-/);
      expect(partition?.name.startsWith('persist:')).toBe(false);
      const session = partition?.session as StandInSession;
      expect(window.webContents.session).toBe(session);
      expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false });
      expect(window.options.webPreferences.preload).toBeUndefined();
      for (const permission of ['clipboard-sanitized-write', 'clipboard-read', 'media', 'notifications']) {
        expect(session.requests(permission), permission).toBe(false);
        expect(session.checks(permission), permission).toBe(false);
      }
      expect(session.grantsDevice()).toBe(false);
      for (const url of ['https://login.microsoftonline.com/payload.exe', 'blob:app://sam-desk/8d1f7c1e-0000-4000-8000-000000000000']) expect(session.downloads(url), url).toBe(false);
      expect(window.webContents.fire('will-navigate', 'https://adfs.contoso.example/adfs/ls/')).toBe(false);
      expect(window.webContents.fire('will-navigate', 'http://localhost:8400/?code=1.A&state=s')).toBe(false);
      for (const url of hostile.filter((candidate) => !candidate.startsWith('https:'))) expect(window.webContents.fire('will-navigate', url), url).toBe(true);
      expect(window.loaded).toBe('https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize');
    } finally {
      recorded.contentsCreated = null;
    }
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
