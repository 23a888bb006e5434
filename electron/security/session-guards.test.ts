import { describe, expect, it } from 'vitest';
import { guardContents, signInNavigationPolicy, type ContentsLike } from './contents-guards';
import { StandInSession } from '../testing/stand-in-session';
import { appSessionPolicy, guardSession, signInPartition, signInSessionPolicy } from './session-guards';

const PERMISSIONS = ['clipboard-sanitized-write', 'clipboard-read', 'media', 'display-capture', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb', 'storage-access', 'idle-detection', 'window-management'];
const OWN_EXPORT = 'blob:app://sam-desk/8d1f7c1e-0000-4000-8000-000000000000';
const DOWNLOADS = ['https://login.microsoftonline.com/common/payload.exe', 'https://adfs.contoso.example/setup.msi', 'https://evil.example/update.pkg', 'blob:https://evil.example/1', 'data:application/octet-stream,MZ', OWN_EXPORT];
const isOwnExport = (url: string): boolean => url === OWN_EXPORT;

describe('the guards on every session the app creates', () => {
  it('a sign-in session grants no permission, no device and no download: not even after its window is locked down with the app defaults', () => {
    const session = new StandInSession();
    expect(guardSession(session, signInSessionPolicy)).toBe('sign-in');
    // What lockDown() does for every new web contents, the sign-in window's included: it must not loosen anything.
    expect(guardSession(session, appSessionPolicy(isOwnExport))).toBe('sign-in');
    for (const permission of PERMISSIONS) {
      expect(session.requests(permission), permission).toBe(false);
      expect(session.checks(permission), permission).toBe(false);
    }
    expect(session.grantsDevice()).toBe(false);
    for (const url of DOWNLOADS) expect(session.downloads(url), url).toBe(false);
  });

  it("the app's session grants only plain-text clipboard writes, no device, and downloads only the window's own exports", () => {
    const session = new StandInSession();
    expect(guardSession(session, appSessionPolicy(isOwnExport))).toBe('app');
    for (const permission of PERMISSIONS) {
      const granted = permission === 'clipboard-sanitized-write';
      expect(session.requests(permission), permission).toBe(granted);
      expect(session.checks(permission), permission).toBe(granted);
    }
    expect(session.grantsDevice()).toBe(false);
    for (const url of DOWNLOADS) expect(session.downloads(url), url).toBe(url === OWN_EXPORT);
    // Guarding again adds no second download listener that could disagree.
    guardSession(session, signInSessionPolicy);
    expect(session.downloads(OWN_EXPORT)).toBe(true);
  });

  it('each sign-in gets a partition of its own, kept in memory only', () => {
    const partitions = new Set(Array.from({ length: 20 }, signInPartition));
    expect(partitions.size).toBe(20);
    for (const partition of partitions) expect(partition).toMatch(/^sign-in-[0-9a-f-]{36}$/);
  });
});

describe('the guards on every web contents', () => {
  class StandInContents implements ContentsLike {
    readonly session = new StandInSession();
    readonly listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    windowOpen: ((details: { url: string }) => { action: 'deny' }) | null = null;
    on(event: string, listener: (event: { preventDefault(): void }, url: string) => void): void {
      this.listeners.set(event, listener);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
      this.windowOpen = handler;
    }
    /** Whether the guard let `event` to `url` go ahead. */
    allows(event: string, url = ''): boolean {
      let prevented = false;
      this.listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
      return !prevented;
    }
  }

  it('the sign-in window goes only to https pages and to its own loopback redirect; no webview, no new window', () => {
    const contents = new StandInContents();
    const opened: string[] = [];
    guardContents(contents, { mayNavigateTo: signInNavigationPolicy('http://localhost:8400/'), openExternal: (url) => opened.push(url) });
    for (const url of ['https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize?x=1', 'https://adfs.contoso.example/adfs/ls/', 'http://localhost:8400/?code=1.A&state=s']) {
      expect(contents.allows('will-navigate', url), url).toBe(true);
      expect(contents.allows('will-redirect', url), url).toBe(true);
    }
    const refused = [
      'http://localhost:8401/?code=1.A',
      'http://localhost:8400/other?code=1.A',
      'http://127.0.0.1:8400/?code=1.A',
      'http://[::1]:8400/?code=1.A',
      'http://evil.example/',
      'file:///etc/passwd',
      'app://sam-desk/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'not a url',
    ];
    for (const url of refused) {
      expect(contents.allows('will-navigate', url), url).toBe(false);
      expect(contents.allows('will-redirect', url), url).toBe(false);
    }
    expect(contents.allows('will-attach-webview')).toBe(false);
    expect(contents.windowOpen?.({ url: 'https://learn.microsoft.com/partner-center/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://learn.microsoft.com/partner-center/']);
  });
});
