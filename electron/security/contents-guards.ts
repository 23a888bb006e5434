import type { SessionLike } from './session-guards';

/**
 * What every web contents the app creates may do (Electron-free, like session-guards.ts): navigate and redirect only
 * where its policy allows, attach no webview, and open no window — a link meant for a new window goes to the
 * system browser's opener, which has its own allow-list.
 */
interface PreventableEvent {
  preventDefault(): void;
}

export interface ContentsLike {
  readonly session: SessionLike;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ContentsPolicy {
  readonly mayNavigateTo: (url: string) => boolean;
  /** Where a window.open or target=_blank address goes instead (it refuses anything off its allow-list). */
  readonly openExternal: (url: string) => void;
}

export function guardContents(contents: ContentsLike, policy: ContentsPolicy): void {
  const navigation = (event: PreventableEvent, url: string): void => {
    if (!policy.mayNavigateTo(url)) event.preventDefault();
  };
  contents.on('will-navigate', navigation);
  contents.on('will-redirect', navigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    policy.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Where the in-app sign-in window may go: https pages (Entra's sign-in, MFA and federation pages) and the consent's
 * own loopback redirect (its origin and path exactly), where SAM Desk's listener receives the code as from a browser.
 */
export function signInNavigationPolicy(redirectUri: string): (url: string) => boolean {
  const redirect = new URL(redirectUri);
  return (url) => {
    const target = URL.parse(url);
    if (!target) return false;
    return target.protocol === 'https:' || (target.origin === redirect.origin && target.pathname === redirect.pathname);
  };
}
