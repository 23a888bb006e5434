import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import type { AppLike, LaunchProcess, PreventableEvent } from './app-like';
import type { DeepLinkTarget } from './deep-link-router';
import type { MainWindowControl, WindowLike } from './main-window';
import type { ProfileReference } from './profile-match';
import { claimSingleInstance } from './single-instance';

/**
 * The main process's single-instance and deep-link lifecycle on each platform, against a stand-in for Electron's
 * `app` (an EventEmitter that records what is asked of it) and for the main window. Electron cannot run here; what
 * is under test is the product's own code, driven the way Electron drives it.
 */
class FakeApp extends EventEmitter implements AppLike {
  readonly calls: unknown[][] = [];
  constructor(private readonly lockFree: boolean) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push(['requestSingleInstanceLock']);
    return this.lockFree;
  }
  quit(): void {
    this.calls.push(['quit']);
  }
  setAsDefaultProtocolClient(...args: [protocol: string, path?: string, args?: string[]]): boolean {
    this.calls.push(['setAsDefaultProtocolClient', ...args]);
    return true;
  }
  /** macOS opens a link; returns whether the app claimed it (preventDefault). */
  openUrl(url: string): boolean {
    let claimed = false;
    const event: PreventableEvent = { preventDefault: () => (claimed = true) };
    this.emit('open-url', event, url);
    return claimed;
  }
  /** Windows and Linux: a second launch hands over its command line. */
  secondInstance(argv: string[]): void {
    this.emit('second-instance', {}, argv, '/home/admin', {});
  }
}

class FakeWindow implements WindowLike {
  readonly calls: string[] = [];
  constructor(private minimized = false) {}
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
}

/** The main window as main.ts keeps it: null before `ready` and after closing; reopening works only after `ready`. */
class FakeMainWindow implements MainWindowControl {
  window: FakeWindow | null = null;
  appReady = false;
  reopened = 0;
  current(): WindowLike | null {
    return this.window;
  }
  reopen(): void {
    if (!this.appReady || this.window) return;
    this.reopened += 1;
    this.window = new FakeWindow();
  }
}

const contoso: ProfileReference = { id: '0b6f3c2e-1d4a-4b5c-8d9e-0f1a2b3c4d5e', displayName: 'Contoso' };
const fabrikam: ProfileReference = { id: '7c1e9a40-2b3d-4e5f-9a8b-1c2d3e4f5a6b', displayName: 'Fabrikam (production)' };

function fakeTarget(profiles: readonly ProfileReference[] = [contoso, fabrikam]) {
  const recorded = { listed: 0, focused: [] as string[], consents: [] as string[] };
  const target: DeepLinkTarget = {
    listProfiles: async () => {
      recorded.listed += 1;
      return profiles;
    },
    focusProfile: (profileId) => void recorded.focused.push(profileId),
    startConsent: async (profileId) => void recorded.consents.push(profileId),
  };
  return { target, recorded };
}

const packaged: LaunchProcess = { argv: ['/Applications/SAM Desk.app/Contents/MacOS/SAM Desk'], execPath: '/Applications/SAM Desk.app/Contents/MacOS/SAM Desk' };

function start(options: { lockFree?: boolean; launch?: LaunchProcess; now?: () => number } = {}) {
  const app = new FakeApp(options.lockFree ?? true);
  const mainWindow = new FakeMainWindow();
  const lines: string[] = [];
  const router = claimSingleInstance({
    app,
    launch: options.launch ?? packaged,
    window: mainWindow,
    logger: createLogger((line) => lines.push(line)),
    ...(options.now ? { now: options.now } : {}),
  });
  const { target, recorded } = fakeTarget();
  /** What main.ts does at `ready`: compose, attach, build the window; `load` is its did-stop-loading. */
  const becomeReady = () => {
    mainWindow.appReady = true;
    mainWindow.window = new FakeWindow();
    router?.attach(target);
  };
  const load = async () => {
    router?.windowReady();
    await router?.settled();
  };
  return { app, mainWindow, router, recorded, lines, becomeReady, load };
}

describe('the second instance', () => {
  it('quits at once and registers nothing, not even the link it was launched with', () => {
    const { app, router } = start({ lockFree: false, launch: { argv: ['C:\\Program Files\\SAM Desk\\SAM Desk.exe', 'sam-desk://reconsent?profile=Contoso'], execPath: 'C:\\Program Files\\SAM Desk\\SAM Desk.exe' } });
    expect(router).toBeNull();
    expect(app.calls).toEqual([['requestSingleInstanceLock'], ['quit']]);
    expect(app.eventNames()).toEqual([]);
  });
});

describe('the first instance', () => {
  it('registers itself as the sam-desk handler by scheme alone when packaged', () => {
    const { app } = start();
    expect(app.calls).toContainEqual(['setAsDefaultProtocolClient', 'sam-desk']);
    expect(app.calls).not.toContainEqual(['quit']);
    expect(app.eventNames().sort()).toEqual(['open-url', 'second-instance']);
  });

  it('registers Electron with the absolute app entry as its argument when running unpackaged', () => {
    const electronBinary = '/repo/node_modules/electron/dist/electron';
    const { app } = start({ launch: { argv: [electronBinary, '/repo/out/main/main.js'], execPath: electronBinary, defaultApp: true } });
    expect(app.calls).toContainEqual(['setAsDefaultProtocolClient', 'sam-desk', electronBinary, ['/repo/out/main/main.js']]);
    // `electron .` from a shell: the OS will start it from elsewhere, so the entry is made absolute.
    const relative = start({ launch: { argv: [electronBinary, '.'], execPath: electronBinary, defaultApp: true } });
    expect(relative.app.calls).toContainEqual(['setAsDefaultProtocolClient', 'sam-desk', electronBinary, [resolve('.')]]);
  });
});

describe('a cold start from a link', () => {
  it('macOS: holds the open-url that arrives before ready and routes it once the window has loaded', async () => {
    const { app, router, recorded, becomeReady, load } = start();
    expect(app.openUrl('sam-desk://reconsent?profile=Contoso')).toBe(true);
    becomeReady();
    await router?.settled();
    // Composed but the page is still loading: profiles.focus would reach no one yet.
    expect(recorded).toEqual({ listed: 0, focused: [], consents: [] });
    await load();
    expect(recorded).toEqual({ listed: 1, focused: [contoso.id], consents: [contoso.id] });
  });

  it('Windows and Linux: holds the link on its own command line until the window has loaded', async () => {
    const { router, recorded, becomeReady, load } = start({ launch: { argv: ['C:\\Program Files\\SAM Desk\\SAM Desk.exe', 'sam-desk://reconsent?profile=Contoso'], execPath: 'C:\\Program Files\\SAM Desk\\SAM Desk.exe' } });
    becomeReady();
    await router?.settled();
    expect(recorded).toEqual({ listed: 0, focused: [], consents: [] });
    await load();
    expect(recorded).toEqual({ listed: 1, focused: [contoso.id], consents: [contoso.id] });
  });
});

describe('a second launch while running', () => {
  it('Windows: routes the link among its arguments and restores the minimized window', async () => {
    const { app, mainWindow, recorded, becomeReady, load } = start();
    becomeReady();
    await load();
    const window = new FakeWindow(true);
    mainWindow.window = window;
    app.secondInstance(['C:\\Program Files\\SAM Desk\\SAM Desk.exe', '--allow-file-access-from-files', 'sam-desk://reconsent?profile=Contoso']);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    await load();
    expect(recorded.focused).toEqual([contoso.id]);
    expect(recorded.consents).toEqual([contoso.id]);
  });

  it('Linux: routes the link among its arguments and focuses the window', async () => {
    const { app, mainWindow, recorded, becomeReady, load } = start();
    becomeReady();
    await load();
    app.secondInstance(['/opt/SAM Desk/sam-desk', '--no-sandbox', `sam-desk://consent?profile=${fabrikam.id}`]);
    expect(mainWindow.window?.calls).toEqual(['show', 'focus']);
    await load();
    expect(recorded.consents).toEqual([fabrikam.id]);
  });

  it('without a link only brings the window forward', async () => {
    const { app, mainWindow, recorded, becomeReady, load } = start();
    becomeReady();
    await load();
    const window = new FakeWindow(true);
    mainWindow.window = window;
    app.secondInstance(['/opt/SAM Desk/sam-desk']);
    await load();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(recorded).toEqual({ listed: 0, focused: [], consents: [] });
  });

  it('with a hostile link only brings the window forward, by argument or by open-url', async () => {
    const { app, mainWindow, recorded, lines, becomeReady, load } = start();
    becomeReady();
    await load();
    const hostile = ['sam-desk://delete?profile=Contoso', 'sam-desk://reconsent?profile=Contoso&profile=Fabrikam', 'sam-desk://reconsent/delete?profile=Contoso', 'javascript:alert(1)//sam-desk://reconsent?profile=Contoso', 'sam-desk://user:pw@reconsent?profile=Contoso'];
    for (const link of hostile) {
      app.secondInstance(['/opt/SAM Desk/sam-desk', link]);
      app.openUrl(link);
    }
    app.openUrl('javascript:alert(1)');
    await load();
    expect(recorded).toEqual({ listed: 0, focused: [], consents: [] });
    expect(mainWindow.window?.calls.filter((call) => call === 'focus')).toHaveLength(hostile.length * 2 + 1);
    expect(lines.join('\n')).not.toContain('Contoso');
  });

  it('macOS: reopens a closed window for a link and routes it once the new window has loaded', async () => {
    const { app, mainWindow, router, recorded, becomeReady, load } = start();
    becomeReady();
    await load();
    router?.windowUnloaded();
    mainWindow.window = null;
    app.openUrl('sam-desk://reconsent?profile=contoso');
    expect(mainWindow.reopened).toBe(1);
    await router?.settled();
    expect(recorded.consents).toEqual([]);
    await load();
    expect(recorded.consents).toEqual([contoso.id]);
  });

  it('macOS: reopens a closed window for a second launch without a link', () => {
    const { app, mainWindow, router, becomeReady } = start();
    becomeReady();
    router?.windowUnloaded();
    mainWindow.window = null;
    app.secondInstance(['/Applications/SAM Desk.app/Contents/MacOS/SAM Desk']);
    expect(mainWindow.reopened).toBe(1);
  });
});

describe('one click delivered twice', () => {
  it('starts one consent when argv and open-url carry the same link within the duplicate window', async () => {
    let now = 1_000;
    const { app, recorded, becomeReady, load } = start({
      launch: { argv: ['/opt/SAM Desk/sam-desk', 'sam-desk://reconsent?profile=Contoso'], execPath: '/opt/SAM Desk/sam-desk' },
      now: () => now,
    });
    now += 300;
    app.openUrl('sam-desk://reconsent?profile=Contoso');
    becomeReady();
    await load();
    now += 500;
    app.secondInstance(['/opt/SAM Desk/sam-desk', 'sam-desk://reconsent?profile=Contoso']);
    await load();
    expect(recorded.consents).toEqual([contoso.id]);
    // A deliberate click later is a new request.
    now += 2_000;
    app.secondInstance(['/opt/SAM Desk/sam-desk', 'sam-desk://reconsent?profile=Contoso']);
    await load();
    expect(recorded.consents).toEqual([contoso.id, contoso.id]);
  });
});
