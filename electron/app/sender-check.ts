/**
 * Decides whether an IPC message comes from our own page: the main window's top frame, showing the app's own
 * origin. A frame inside the page, another window, or a page that somehow navigated elsewhere is refused.
 * Typed structurally so the rule can be tested without an Electron binary.
 */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export const APP_ORIGIN = 'app://sam-desk';

export function isTrustedSender(frame: SenderFrameLike | null | undefined, senderIsMainWindow: boolean): boolean {
  if (!senderIsMainWindow || !frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}
