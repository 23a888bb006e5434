import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatch';
import type { HandlerTable } from './handler-table';
import { silentLogger } from '../services/logger';
import { createHandlerTable } from './create-handler-table';
import { EventBus } from './event-bus';
import { testServices } from '../testing/test-services';

function recordingHandlers(): { table: HandlerTable; calls: string[] } {
  const calls: string[] = [];
  const real = createHandlerTable({
    services: testServices(),
    bus: new EventBus(),
    appInfo: () => ({ name: 'SAM Desk', version: '1.2.3', mode: 'browser', platform: 'linux', cloud: 'microsoft' }),
    isOnline: () => false,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  const table: HandlerTable = {
    ...real,
    'app.info': async (request) => {
      calls.push('app.info');
      return real['app.info'](request);
    },
    'tokens.inspect': async (request) => {
      calls.push('tokens.inspect');
      return real['tokens.inspect'](request);
    },
  };
  return { table, calls };
}

describe('dispatch: the contract guards every handler', () => {
  it('rejects a payload that fails the schema before any handler runs', async () => {
    const { table, calls } = recordingHandlers();
    const dispatch = createDispatcher(table, silentLogger);
    expect(await dispatch('tokens.inspect', { input: 42 })).toEqual({ ok: false, error: { code: 'invalid-request', field: 'input' } });
    expect(await dispatch('tokens.inspect', { input: 'x', extra: true })).toEqual({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch('tokens.inspect', { input: 'x'.repeat(65_537) })).toEqual({ ok: false, error: { code: 'invalid-request', field: 'input' } });
    expect(await dispatch('tokens.inspect', null)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch('app.info', { unexpected: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(calls).toEqual([]);
  });

  it('refuses unknown methods, including prototype names', async () => {
    const { table, calls } = recordingHandlers();
    const dispatch = createDispatcher(table, silentLogger);
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'app.info.x']) {
      expect(await dispatch(name, {})).toEqual({ ok: false, error: { code: 'unknown-method' } });
    }
    expect(calls).toEqual([]);
  });

  it('runs the handler for a valid payload and returns what the contract allows', async () => {
    const { table, calls } = recordingHandlers();
    const dispatch = createDispatcher(table, silentLogger);
    expect(await dispatch('app.info', {})).toEqual({
      ok: true,
      value: { name: 'SAM Desk', version: '1.2.3', mode: 'browser', online: false, platform: 'linux', cloud: 'microsoft', now: '2026-01-01T00:00:00.000Z' },
    });
    const inspected = await dispatch('tokens.inspect', { input: 'not a token <>' });
    expect(inspected).toMatchObject({ ok: true, value: { kind: 'invalid' } });
    expect(calls).toEqual(['app.info', 'tokens.inspect']);
  });

  it('strips fields a handler returns that the contract does not name', async () => {
    const table: HandlerTable = {
      ...recordingHandlers().table,
      'app.info': async () => ({ name: 'SAM Desk', version: '1', mode: 'electron', online: true, platform: 'darwin', cloud: 'local', now: new Date().toISOString(), clientSecret: 'hunter2' }),
    };
    const result = await createDispatcher(table, silentLogger)('app.info', {});
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('turns a throwing handler into `internal` without the message, and logs no message either', async () => {
    const lines: string[] = [];
    const logger = { info: () => {}, warn: () => {}, error: (event: string, fields?: object) => lines.push(JSON.stringify({ event, fields })) };
    const table: HandlerTable = {
      ...recordingHandlers().table,
      'tokens.inspect': async () => {
        throw new Error('boom eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig');
      },
    };
    const result = await createDispatcher(table, logger)('tokens.inspect', { input: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(lines.join('\n')).not.toContain('eyJ');
    expect(lines.join('\n')).toContain('ipc.handler-failed');
  });
});
