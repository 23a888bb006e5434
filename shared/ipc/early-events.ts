import type { EventName } from './contract';
import type { Transport } from './api';

/** Events main may send while the page is still starting, which the page must not miss. */
export const EARLY_EVENTS: readonly EventName[] = ['profiles.focus', 'consent.progress'];

/** At most this many held per event; a page that never listens for one holds no more than this. */
const HELD_PER_EVENT = 32;

/**
 * A transport that holds the listed events from the moment it is created until the page first listens for them,
 * then hands the held ones to that first listener, in order. Main sends a sam-desk:// link's `profiles.focus` and its
 * consent's first steps once the page has loaded, but the page listens only after its first render (its translations
 * load first): without this, a link that started the app would open its profile to nobody.
 */
export function holdEarlyEvents(transport: Transport, events: readonly EventName[] = EARLY_EVENTS): Transport {
  const held = new Map<EventName, unknown[]>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  for (const event of events) {
    held.set(event, []);
    listeners.set(event, new Set());
    transport.subscribe(event, (payload) => {
      const current = listeners.get(event);
      if (current && current.size > 0) {
        for (const listener of [...current]) listener(payload);
        return;
      }
      const queue = held.get(event);
      if (!queue) return;
      queue.push(payload);
      if (queue.length > HELD_PER_EVENT) queue.shift();
    });
  }
  return {
    invoke: (method, request) => transport.invoke(method, request),
    subscribe(event, listener) {
      const current = listeners.get(event);
      if (!current) return transport.subscribe(event, listener);
      current.add(listener);
      const queue = held.get(event) ?? [];
      held.set(event, []);
      for (const payload of queue) listener(payload);
      return () => void current.delete(listener);
    },
  };
}
