import { isAppUrl } from './app-origin';

/**
 * Decides whether an IPC message comes from our own page: the main window's top frame, showing the app's own
 * origin. A frame inside the page, another window, or a page that somehow navigated elsewhere is refused.
 * Typed structurally so the rule can be tested without an Electron binary.
 */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export function isTrustedSender(frame: SenderFrameLike | null | undefined, senderIsMainWindow: boolean): boolean {
  return senderIsMainWindow && !!frame && frame.parent === null && isAppUrl(frame.url);
}
