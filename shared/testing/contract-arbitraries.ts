import fc from 'fast-check';
import { z } from 'zod';
import { auditKinds } from '../audit/audit-event';
import { supportedLanguages } from '../i18n/languages';
import { codePoint } from './fuzz-text';
import { MAX_TOKEN_INPUT_LENGTH, type MethodName, type MethodRequest } from '../ipc/contract';

/**
 * fast-check arbitraries for the IPC contract's requests, used by the fuzz tests of the contract
 * (shared/ipc/contract.fuzz.test.ts) and of the dispatcher (electron/ipc/dispatch.fuzz.test.ts). One arbitrary per
 * method, typed against the contract, so a method added without one is a compile error.
 */

/** GUIDs in the RFC 9562 versions z.uuid() accepts, in either case. */
export const uuidArbitrary = fc.oneof(fc.uuid(), fc.uuid().map((id) => id.toUpperCase()));
const isoDate = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((date) => date.toISOString());
const shortText = (maxLength: number) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 40) }));

const secrets = fc.record(
  { clientSecret: fc.option(shortText(1_024), { nil: null }), certificatePassword: fc.option(shortText(1_024), { nil: null }) },
  { requiredKeys: [] },
);
const auditFilter = fc.record(
  {
    profileId: uuidArbitrary,
    kinds: fc.uniqueArray(fc.constantFrom(...auditKinds), { maxLength: auditKinds.length }),
    outcome: fc.constantFrom('ok' as const, 'failed' as const),
    since: isoDate,
    limit: fc.integer({ min: 1, max: 10_000 }),
  },
  { requiredKeys: [] },
);
const language = fc.constantFrom(...supportedLanguages);
const httpsResource = fc.oneof(
  fc.constantFrom('https://api.partnercenter.microsoft.com', 'https://graph.microsoft.com', 'https://vault.azure.net', 'https://localhost:47301/x'),
  fc.webUrl({ validSchemes: ['https'] }).filter((url) => url.length <= 256),
);
/** Anything that is a profile editor's input as far as the contract goes (the profile service validates it). */
const anyInput = fc.anything({ maxDepth: 3 });
const profileIdOnly = fc.record({ profileId: uuidArbitrary });
const customerRequest = fc.record({ profileId: uuidArbitrary, customerId: uuidArbitrary });

export const validRequests: { readonly [M in MethodName]: fc.Arbitrary<MethodRequest<M>> } = {
  'app.info': fc.constant({}),
  'tokens.inspect': fc.record({ input: fc.oneof(shortText(300), fc.constantFrom(MAX_TOKEN_INPUT_LENGTH - 1, MAX_TOKEN_INPUT_LENGTH).map((length) => 'a'.repeat(length))) }),
  'profiles.list': fc.constant({}),
  'profiles.create': fc.record({ input: anyInput, secrets }),
  'profiles.update': fc.record({ id: uuidArbitrary, input: anyInput, secrets }),
  'profiles.duplicate': fc.record({ id: uuidArbitrary }),
  'profiles.remove': fc.record({ id: uuidArbitrary }),
  'profiles.export': fc.record({ ids: fc.array(uuidArbitrary, { maxLength: 5 }) }, { requiredKeys: [] }),
  'profiles.import': fc.record({ json: shortText(500) }),
  'consent.start': fc.record(
    {
      profileId: uuidArbitrary,
      prompt: fc.constantFrom('login' as const, 'select_account' as const),
      loginHint: shortText(256),
      openBrowser: fc.boolean(),
      inAppWindow: fc.boolean(),
    },
    { requiredKeys: ['profileId', 'openBrowser'] },
  ),
  'consent.cancel': profileIdOnly,
  'keyVault.retry': profileIdOnly,
  'tokens.acquire': fc.record({ profileId: uuidArbitrary, resource: httpsResource }, { requiredKeys: ['profileId'] }),
  'customers.cached': profileIdOnly,
  'customers.sync': fc.record({ profileId: uuidArbitrary, language }, { requiredKeys: ['profileId'] }),
  'customers.cancel': profileIdOnly,
  'users.cached': customerRequest,
  'users.sync': fc.record({ profileId: uuidArbitrary, customerId: uuidArbitrary, language }, { requiredKeys: ['profileId', 'customerId'] }),
  'users.cancel': customerRequest,
  'health.list': fc.constant({}),
  'health.check': fc.record({ profileId: uuidArbitrary }, { requiredKeys: [] }),
  'health.refresh': profileIdOnly,
  'health.repairKeyVault': fc.record({ profileId: uuidArbitrary, repair: fc.constantFrom('recover' as const, 'enable' as const, 'write' as const) }),
  'health.settings': fc.record(
    {
      scheduled: fc.boolean(),
      intervalHours: fc.integer({ min: 1, max: 24 * 14 }),
      keepAlive: fc.boolean(),
      notify: fc.boolean(),
      expiringThresholdDays: fc.integer({ min: 1, max: 89 }),
    },
    { requiredKeys: [] },
  ),
  'audit.list': auditFilter,
  'audit.export': fc.record({ filter: auditFilter, format: fc.constantFrom('jsonl' as const, 'csv' as const) }),
};

/** A method and a request its schema must accept. */
export const validCall: fc.Arbitrary<{ method: MethodName; request: unknown }> = fc.oneof(
  ...(Object.keys(validRequests) as MethodName[]).map((method) => validRequests[method].map((request: unknown) => ({ method, request }))),
);

/** Values a hostile renderer can send: everything structured clone and JSON carry, and more. */
export const hostileValue = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: codePoint,
});

/** Valid requests bent out of shape: a member replaced by anything, a member dropped, or the whole request replaced. */
export const nearlyValidCall: fc.Arbitrary<{ method: MethodName; request: unknown }> = validCall.chain(({ method, request }) => {
  const keys = Object.keys(request as object);
  const mutations: fc.Arbitrary<unknown>[] = [fc.constant(request), hostileValue];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    mutations.push(fc.tuple(key, hostileValue).map(([name, value]) => withMember(request, name, value)));
    mutations.push(key.map((name) => Object.fromEntries(Object.entries(request as object).filter(([candidate]) => candidate !== name))));
  }
  return fc.oneof(...mutations).map((mutated) => ({ method, request: mutated }));
});

/** Member names a parser must not trust: prototype names, empty, look-alikes of real members. */
export const extraKeyName = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'input ', 'Input', 'profileID', 'clientSecret', 'refreshToken', 'accessToken'),
  fc.string(),
);

/** The request, with one more own member (defined, so even `__proto__` becomes a real member, as JSON.parse makes it). */
export function withMember(request: unknown, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(request as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** The member names an object schema declares; empty for anything else. */
export function declaredKeys(schema: z.ZodType): readonly string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Whether an object schema refuses unknown members (`.strict()`). */
export function isStrictObject(schema: z.ZodType): boolean {
  return schema instanceof z.ZodObject && schema._zod.def.catchall?._zod.def.type === 'never';
}

/** Every path (from the request's root) at which the schema is a strict object, looking through optional and nullable. */
export function strictObjectPaths(schema: z.ZodType, path: readonly string[] = []): (readonly string[])[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return strictObjectPaths(schema.unwrap() as z.ZodType, path);
  if (!(schema instanceof z.ZodObject)) return [];
  const own = isStrictObject(schema) ? [path] : [];
  const shape = schema.shape as Record<string, z.ZodType>;
  return [...own, ...Object.entries(shape).flatMap(([key, child]) => strictObjectPaths(child, [...path, key]))];
}

/** The value at a path, or undefined. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** A copy of root with the value at path replaced (the path's objects are copied, never mutated). */
export function replacedAt(root: unknown, path: readonly string[], replace: (value: unknown) => unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return replace(root);
  const node = root as Record<string, unknown>;
  return withMember(node, key, replacedAt(node[key], rest, replace));
}
