import { buildApi, type SamDeskApi, type Transport } from '../../../shared/ipc/api';
import { eventNames, isEventName, type EventName } from '../../../shared/ipc/contract';
import { SamDeskError, unwrapEnvelope } from '../../../shared/ipc/errors';

/**
 * window.samDesk over HTTP and server-sent events, for browser mode. Built from the same contract as the
 * Electron preload, so the app cannot tell which bridge it has. The address the launcher opens carries a one-time
 * launch code in its fragment: the page takes it out of the address bar at once and trades it (a same-origin POST)
 * for the session key every call then carries. The key stays in sessionStorage (so a reload keeps working) and
 * never appears in a URL.
 */
const KEY_HEADER = 'x-sam-desk-key';
const STORAGE_KEY = 'sam-desk.browser-mode-key';

/** The page's session: ready, refused (no launch code, or one that was used or expired), or no server answering. */
export type BrowserModeSession = { readonly kind: 'ready'; readonly key: string } | { readonly kind: 'launch-link' | 'unavailable' };

export async function openBrowserModeSession(): Promise<BrowserModeSession> {
  const code = new URLSearchParams(window.location.hash.slice(1)).get('launch');
  if (!code) {
    const kept = sessionStorage.getItem(STORAGE_KEY);
    return kept ? { kind: 'ready', key: kept } : { kind: 'launch-link' };
  }
  history.replaceState(null, '', window.location.pathname + window.location.search);
  let response: Response;
  try {
    response = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }), cache: 'no-store' });
  } catch {
    return { kind: 'unavailable' };
  }
  const value = (await response.json().catch(() => null)) as { ok?: boolean; value?: { key?: unknown } } | null;
  const key = value?.ok === true ? value.value?.key : undefined;
  if (typeof key !== 'string') return { kind: 'launch-link' };
  sessionStorage.setItem(STORAGE_KEY, key);
  return { kind: 'ready', key };
}

export function createBrowserModeApi(key: string): SamDeskApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>(eventNames.map((name) => [name, new Set()]));
  let streaming = false;

  const transport: Transport = {
    async invoke(method, request) {
      let response: Response;
      try {
        response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [KEY_HEADER]: key },
          body: JSON.stringify(request ?? {}),
          cache: 'no-store',
        });
      } catch {
        throw new SamDeskError({ code: 'unavailable' });
      }
      return unwrapEnvelope(await response.json().catch(() => null));
    },
    subscribe(event, listener) {
      listeners.get(event)?.add(listener);
      if (!streaming) {
        streaming = true;
        void streamEvents(key, (name, payload) => listeners.get(name)?.forEach((notify) => notify(payload)));
      }
      return () => void listeners.get(event)?.delete(listener);
    },
  };
  return buildApi(transport);
}

/** Reads the event stream for the life of the page, reconnecting with a growing pause if it drops. */
async function streamEvents(key: string, deliver: (event: EventName, payload: unknown) => void): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch('/api/events', { headers: { [KEY_HEADER]: key }, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`event stream ${response.status}`);
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          deliverFrame(buffer.slice(0, end), deliver);
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // The server is gone or restarting; calls will report it. Keep trying quietly.
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** attempt)));
  }
}

function deliverFrame(frame: string, deliver: (event: EventName, payload: unknown) => void): void {
  let event = '';
  let data = '';
  for (const line of frame.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data += line.slice(6);
  }
  if (!isEventName(event)) return;
  try {
    deliver(event, JSON.parse(data));
  } catch {
    // A malformed frame is dropped; the next one stands on its own.
  }
}
