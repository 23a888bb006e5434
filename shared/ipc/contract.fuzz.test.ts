import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { declaredKeys, extraKeyName, hostileValue, isStrictObject, nearlyValidCall, replacedAt, strictObjectPaths, validCall, validRequests, valueAt, withMember } from '../testing/contract-arbitraries';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../testing/fuzz-runs';
import { methodNames, methods, type MethodName } from './contract';

/**
 * Property-based fuzzing of every request schema in the IPC contract (shared/ipc/contract.ts and the contracts it
 * spreads in): the schemas are the only thing between a compromised renderer and the handlers. Run counts come
 * from shared/testing/fuzz-runs.ts.
 */
const requestOf = (method: MethodName): z.ZodType => methods[method].request;
const methodArbitrary = fc.constantFrom(...methodNames);

describe('fuzzing the IPC contract’s request schemas', () => {
  it('has a strict object as the request of every method', () => {
    // A non-strict request schema would silently drop members a hostile renderer adds; every method refuses them.
    expect(methodNames.filter((method) => !isStrictObject(requestOf(method)))).toEqual([]);
    expect(Object.keys(validRequests).sort()).toEqual([...methodNames].sort());
  });

  it('never throws on anything, and what it accepts re-validates to the same value', () => {
    fc.assert(
      fc.property(methodArbitrary, hostileValue, (method, request) => {
        const schema = requestOf(method);
        const parsed = schema.safeParse(request);
        if (!parsed.success) return;
        const again = schema.safeParse(parsed.data);
        expect(again.success).toBe(true);
        expect(again.data).toEqual(parsed.data);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('never throws on nearly valid requests, and what it accepts re-validates and names only declared members', () => {
    fc.assert(
      fc.property(nearlyValidCall, ({ method, request }) => {
        const schema = requestOf(method);
        const parsed = schema.safeParse(request);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return;
        }
        expect(schema.safeParse(parsed.data).success).toBe(true);
        for (const key of Object.keys(parsed.data as object)) expect(declaredKeys(schema)).toContain(key);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('accepts the valid requests it is meant to accept', () => {
    fc.assert(
      fc.property(validCall, ({ method, request }) => {
        const parsed = requestOf(method).safeParse(request);
        expect(parsed.success, `${method}: ${parsed.error?.message ?? ''}`).toBe(true);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('refuses a valid request with one unknown member, at the top or in any strict nested object', () => {
    fc.assert(
      fc.property(validCall, extraKeyName, hostileValue, fc.nat(), ({ method, request }, key, value, pick) => {
        const schema = requestOf(method);
        // The strict objects this request actually holds (an optional one may be absent).
        const paths = strictObjectPaths(schema).filter((path) => {
          const node = valueAt(request, path);
          return typeof node === 'object' && node !== null;
        });
        const path = paths[pick % paths.length] ?? [];
        const known = declaredKeys(path.reduce<z.ZodType>((node, name) => unwrapped((node as z.ZodObject).shape[name] as z.ZodType), schema));
        fc.pre(!known.includes(key));
        const bent = replacedAt(request, path, (node) => withMember(node, key, value));
        const parsed = schema.safeParse(bent);
        expect(parsed.success, `${method} accepted an unknown member ${JSON.stringify(key)} at ${path.join('.') || '(root)'}`).toBe(false);
      }),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);

  it('refuses requests that are not objects at all', () => {
    fc.assert(
      fc.property(
        methodArbitrary,
        fc.oneof(fc.string(), fc.double(), fc.bigInt(), fc.boolean(), fc.constantFrom(null, undefined), fc.array(hostileValue, { maxLength: 3 }), fc.func(fc.anything())),
        (method, request) => {
          expect(requestOf(method).safeParse(request).success).toBe(false);
        },
      ),
      fuzzParameters(),
    );
  }, FUZZ_TIMEOUT_MS);
});

function unwrapped(schema: z.ZodType): z.ZodType {
  const inner = schema as unknown as { unwrap?: () => z.ZodType };
  return typeof inner.unwrap === 'function' ? unwrapped(inner.unwrap()) : schema;
}
