import { describe, expect, it } from 'vitest';
import type { Transport } from './api';
import type { EventName } from './contract';
import { holdEarlyEvents } from './early-events';

/** A transport whose events the test sends, as main would over IPC. */
function fakeTransport() {
  const subscribers = new Map<string, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    invoke: async (method) => ({ called: method }),
    subscribe(event, listener) {
      const set = subscribers.get(event) ?? new Set();
      subscribers.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
  const send = (event: EventName, payload: unknown): void => {
    for (const listener of subscribers.get(event) ?? []) listener(payload);
  };
  return { transport, send };
}

describe('events held until the page listens', () => {
  it('hands what arrived before the first listener to it, in order, then passes events on live', () => {
    const { transport, send } = fakeTransport();
    const api = holdEarlyEvents(transport);
    send('profiles.focus', { profileId: 'a' });
    send('consent.progress', { profileId: 'a', state: 'step', step: 'waiting-for-sign-in' });
    send('profiles.focus', { profileId: 'b' });
    const focused: unknown[] = [];
    api.subscribe('profiles.focus', (payload) => focused.push(payload));
    expect(focused).toEqual([{ profileId: 'a' }, { profileId: 'b' }]);
    send('profiles.focus', { profileId: 'c' });
    expect(focused).toEqual([{ profileId: 'a' }, { profileId: 'b' }, { profileId: 'c' }]);
    const progress: unknown[] = [];
    api.subscribe('consent.progress', (payload) => progress.push(payload));
    expect(progress).toEqual([{ profileId: 'a', state: 'step', step: 'waiting-for-sign-in' }]);
  });

  it('hands held events to the first listener only, and holds again when no one listens', () => {
    const { transport, send } = fakeTransport();
    const api = holdEarlyEvents(transport);
    send('profiles.focus', { profileId: 'a' });
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stop = api.subscribe('profiles.focus', (payload) => first.push(payload));
    const stopSecond = api.subscribe('profiles.focus', (payload) => second.push(payload));
    stopSecond();
    stop();
    send('profiles.focus', { profileId: 'b' });
    expect(first).toEqual([{ profileId: 'a' }]);
    expect(second).toEqual([]);
    const later: unknown[] = [];
    api.subscribe('profiles.focus', (payload) => later.push(payload));
    expect(later).toEqual([{ profileId: 'b' }]);
  });

  it('keeps at most 32 per event, the newest', () => {
    const { transport, send } = fakeTransport();
    const api = holdEarlyEvents(transport);
    for (let index = 0; index < 100; index++) send('profiles.focus', { profileId: String(index) });
    const focused: Array<{ profileId: string }> = [];
    api.subscribe('profiles.focus', (payload) => focused.push(payload as { profileId: string }));
    expect(focused).toHaveLength(32);
    expect(focused[0]).toEqual({ profileId: '68' });
  });

  it('passes other events and calls straight through, holding nothing', async () => {
    const { transport, send } = fakeTransport();
    const api = holdEarlyEvents(transport);
    send('app.connectivity', { online: false });
    const seen: unknown[] = [];
    api.subscribe('app.connectivity', (payload) => seen.push(payload));
    expect(seen).toEqual([]);
    send('app.connectivity', { online: true });
    expect(seen).toEqual([{ online: true }]);
    expect(await api.invoke('app.info', {})).toEqual({ called: 'app.info' });
  });
});
