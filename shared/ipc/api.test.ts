import { describe, expect, it } from 'vitest';
import { buildApi, listenerKey, type Transport } from './api';
import { eventNames, methodNames } from './contract';
import { errorCodeOf, SamDeskError, unwrapEnvelope } from './errors';

describe('the API derived from the contract', () => {
  it('exposes exactly one function per method and one on… subscription per event', async () => {
    const invoked: Array<[string, unknown]> = [];
    const transport: Transport = {
      invoke: async (method, request) => {
        invoked.push([method, request]);
        return 'ok';
      },
      subscribe: () => () => {},
    };
    const api = buildApi(transport) as unknown as Record<string, Record<string, unknown>>;
    const exposed = Object.entries(api).flatMap(([namespace, members]) => Object.keys(members).map((name) => `${namespace}.${name}`));
    const expected = [...methodNames, ...eventNames.map((event) => `${event.split('.')[0]}.${listenerKey(event)}`)];
    expect(exposed.sort()).toEqual(expected.sort());
    await buildApi(transport).tokens.inspect({ input: 'abc' });
    expect(invoked).toEqual([['tokens.inspect', { input: 'abc' }]]);
  });

  it('returns an unsubscribe function from every subscription', () => {
    const active = new Set<string>();
    const transport: Transport = {
      invoke: async () => null,
      subscribe: (event) => {
        active.add(event);
        return () => active.delete(event);
      },
    };
    const unsubscribe = buildApi(transport).app.onConnectivity(() => {});
    expect(active.has('app.connectivity')).toBe(true);
    unsubscribe();
    expect(active.size).toBe(0);
  });

  it('carries error codes across a bridge that keeps only the message', () => {
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'invalid-request', field: 'input' } })).toThrow(SamDeskError);
    const crossed = new Error(new SamDeskError({ code: 'invalid-request', field: 'input' }).message);
    expect(errorCodeOf(crossed)).toBe('invalid-request');
    expect(errorCodeOf(new Error('something else'))).toBe('unavailable');
    expect(() => unwrapEnvelope('garbage')).toThrow('unavailable');
    expect(unwrapEnvelope({ ok: true, value: 7 })).toBe(7);
  });
});
