import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMethodName, methodNames, methods, type MethodName } from '../../shared/ipc/contract';
import { envelopeSchema, type Envelope } from '../../shared/ipc/errors';
import { hostileValue, nearlyValidCall, validCall, withMember } from '../../shared/testing/contract-arbitraries';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../../shared/testing/fuzz-runs';
import { createDispatcher } from './dispatch';
import type { HandlerTable } from './handler-table';
import type { Logger } from '../services/logger';

/**
 * Property-based fuzzing of the dispatcher, the single door into the handlers: any method name with any payload is
 * answered with an envelope (the dispatcher never throws or rejects), a handler runs only for a known method whose
 * request its schema accepts, and nothing of the payload comes back in an error or goes to the log. Run counts come
 * from shared/testing/fuzz-runs.ts.
 */
type Outcome = { readonly kind: 'return'; readonly value: unknown } | { readonly kind: 'throw'; readonly error: unknown };

interface Harness {
  readonly dispatch: (method: string, request: unknown) => Promise<Envelope>;
  readonly calls: { readonly method: string; readonly request: unknown }[];
  readonly logs: string[];
}

/** Every handler records its call, then returns or throws what the property chose. */
function harness(outcome: Outcome): Harness {
  const calls: { method: string; request: unknown }[] = [];
  const logs: string[] = [];
  const handler = (method: MethodName) => async (request: unknown) => {
    calls.push({ method, request });
    if (outcome.kind === 'throw') throw outcome.error;
    return outcome.value;
  };
  const table = Object.fromEntries(methodNames.map((method) => [method, handler(method)])) as unknown as HandlerTable;
  const record = (level: string) => (event: string, fields?: object) => void logs.push(JSON.stringify({ level, event, fields }));
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  return { dispatch: createDispatcher(table, logger), calls, logs };
}

const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  hostileValue.map((value) => ({ kind: 'return' as const, value })),
  fc.oneof(hostileValue, fc.string().map((message) => new Error(message)), fc.constant(new TypeError('boom'))).map((error) => ({ kind: 'throw' as const, error })),
);

/** Method names: real ones, near misses (case, spaces, suffixes), prototype names, anything. */
const methodName = fc.oneof(
  fc.constantFrom(...methodNames),
  fc.constantFrom(...methodNames).chain((name) => fc.constantFrom(name.toUpperCase(), ` ${name}`, `${name} `, `${name}.x`, `${name}\u0000`, name.replace('.', '/'), name.replace('.', ''))),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', '.', 'app.', '.info', 'methods'),
  fc.string(),
);

/** What an answer to a given call may be, and whether the handler had to run for it. */
async function expectGuarded(harnessed: Harness, method: string, request: unknown): Promise<Envelope> {
  const envelope = await harnessed.dispatch(method, request);
  expect(envelopeSchema.safeParse(envelope).success).toBe(true);
  if (!isMethodName(method)) {
    expect(envelope).toEqual({ ok: false, error: { code: 'unknown-method' } });
    expect(harnessed.calls).toEqual([]);
    return envelope;
  }
  const spec = methods[method];
  const parsed = spec.request.safeParse(request);
  if (!parsed.success) {
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('invalid-request');
    expect(harnessed.calls).toEqual([]);
    return envelope;
  }
  // The handler ran exactly once, with what the schema made of the request.
  expect(harnessed.calls).toEqual([{ method, request: parsed.data }]);
  if (envelope.ok) expect(spec.response.safeParse(envelope.value).success).toBe(true);
  else expect(envelope.error).toEqual({ code: 'internal' });
  return envelope;
}

describe('fuzzing the dispatcher', () => {
  it('answers any method name with any payload, and runs no handler for an unknown method or an invalid request', async () => {
    await fc.assert(
      fc.asyncProperty(methodName, hostileValue, outcome, async (method, request, result) => {
        await expectGuarded(harness(result), method, request);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('guards every method against nearly valid requests, whatever the handler does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(validCall, nearlyValidCall), outcome, async ({ method, request }, result) => {
        await expectGuarded(harness(result), method, request);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('never echoes the payload in an error or the log', async () => {
    const marker = fc.string({ unit: fc.constantFrom(...Array.from('0123456789abcdef')), minLength: 12, maxLength: 12 }).map((hex) => `eyJfuzz${hex}`);
    await fc.assert(
      fc.asyncProperty(validCall, marker, fc.constantFrom('value', 'key', 'both'), outcome, async ({ method, request }, secret, where, result) => {
        const keys = Object.keys(request as object);
        // The marker as an unknown member's value or name, or in place of a real member's value.
        const bent =
          where === 'key'
            ? withMember(request, secret, 1)
            : where === 'value' && keys.length > 0
              ? withMember(request, keys[secret.length % keys.length] ?? '', { nested: [secret] })
              : withMember(request, `x-${secret}`, secret);
        const harnessed = harness(result);
        const envelope = await expectGuarded(harnessed, method, bent);
        if (!envelope.ok) expect(JSON.stringify(envelope)).not.toContain(secret);
        expect(harnessed.logs.join('\n')).not.toContain(secret);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);
});
