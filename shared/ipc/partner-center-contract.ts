import { z } from 'zod';
import { supportedLanguages } from '../i18n/languages';
import { customerRowSchema, userRowSchema } from '../partner-center/rows';
import { detailSchema, errorCodeSchema, orFailure, profileIdSchema } from './common-schemas';

/**
 * The contract's Partner Center data methods: a profile's customers and a customer's users, read from the encrypted
 * offline cache at once and synced from Partner Center in the background, page by page, as `*.progress` events.
 * Only table rows cross the bridge, never a token.
 */
/** Partner Center customer ids are the customers' tenant ids: GUIDs (they also name the cache file). */
const customerIdSchema = z.uuid();
/** Bounds what one event may carry: Partner Center pages hold at most 500 items; a users page holds both states. */
const MAX_ROWS_PER_PAGE = 1_000;

function cachedSchema<T extends z.ZodType>(row: T) {
  return z.discriminatedUnion('status', [
    /** Nothing cached yet for this profile (or customer). */
    z.object({ status: z.literal('empty') }),
    z.object({ status: z.literal('ok'), asOf: z.iso.datetime(), rows: z.array(row) }),
    /** The file could not be read (damaged, or not this profile's): it was set aside, here. */
    z.object({ status: z.literal('damaged'), movedTo: z.string() }),
    /** The cache key could not be read from the OS keychain. */
    z.object({ status: z.literal('unavailable'), error: errorCodeSchema }),
  ]);
}

function progressSchema<T extends z.ZodType, S extends z.ZodRawShape>(row: T, scope: S) {
  const base = { profileId: z.string(), syncId: z.string(), ...scope };
  return z.discriminatedUnion('state', [
    /** One page as it arrived; `total` is Partner Center's totalCount when it gives one (a hint: pages may disagree). */
    z.object({ ...base, state: z.literal('page'), rows: z.array(row).max(MAX_ROWS_PER_PAGE), loaded: z.number().int().min(0), total: z.number().int().min(0).nullable() }),
    /** Every page arrived; `cached` says whether the offline copy was written too. */
    z.object({ ...base, state: z.literal('done'), loaded: z.number().int().min(0), asOf: z.iso.datetime(), cached: z.boolean() }),
    z.object({ ...base, state: z.literal('failed'), error: errorCodeSchema, detail: detailSchema }),
    z.object({ ...base, state: z.literal('cancelled') }),
  ]);
}

/** `alreadyRunning`: a sync of the same data was under way; its events carry this syncId. */
const syncStartedSchema = orFailure({ syncId: z.string(), alreadyRunning: z.boolean() });

const customersRequest = z.object({ profileId: profileIdSchema }).strict();
const usersRequest = z.object({ profileId: profileIdSchema, customerId: customerIdSchema }).strict();
/** The window's language, sent to Partner Center as X-Locale. */
const languageSchema = z.enum(supportedLanguages).optional();

export const customersProgressSchema = progressSchema(customerRowSchema, {});
export const usersProgressSchema = progressSchema(userRowSchema, { customerId: z.string() });
export type CustomersProgress = z.infer<typeof customersProgressSchema>;
export type UsersProgress = z.infer<typeof usersProgressSchema>;

export const partnerCenterMethods = {
  'customers.cached': { request: customersRequest, response: cachedSchema(customerRowSchema) },
  'customers.sync': { request: customersRequest.extend({ language: languageSchema }).strict(), response: syncStartedSchema },
  'customers.cancel': { request: customersRequest, response: z.object({ cancelled: z.boolean() }) },
  'users.cached': { request: usersRequest, response: cachedSchema(userRowSchema) },
  'users.sync': { request: usersRequest.extend({ language: languageSchema }).strict(), response: syncStartedSchema },
  'users.cancel': { request: usersRequest, response: z.object({ cancelled: z.boolean() }) },
} as const;

export const partnerCenterEvents = {
  'customers.progress': customersProgressSchema,
  'users.progress': usersProgressSchema,
} as const;
