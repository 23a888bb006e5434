import { z } from 'zod';
import { profileSchema } from '../profiles/profile';
import { detailSchema, errorCodeSchema, orFailure, profileIdSchema } from './common-schemas';

/**
 * The contract's profile, consent and token methods. Secrets only ever travel into main (the client secret an
 * admin types); nothing here carries a refresh token, an access token or a stored secret back to the renderer.
 */
const secretsSchema = z
  .object({
    // Empty or absent keeps what is stored, a value replaces it, null deletes it.
    clientSecret: z.string().max(1_024).nullable().optional(),
    certificatePassword: z.string().max(1_024).nullable().optional(),
  })
  .strict();
const fieldErrorSchema = z.object({ field: z.string(), messageKey: z.string(), values: detailSchema.optional() });
const saveResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), profile: profileSchema, refreshTokenCleared: z.boolean() }),
  z.object({ ok: z.literal(false), errors: z.array(fieldErrorSchema) }),
]);
const damagedFileSchema = z.object({ messageKey: z.string(), path: z.string(), movedTo: z.string(), reason: z.enum(['not-json', 'schema']), recovered: z.number(), dropped: z.number() });

export const storeResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), version: z.string().optional() }),
  z.object({ status: z.literal('not-configured') }),
  z.object({ status: z.literal('kept-as-fallback') }),
  z.object({ status: z.literal('failed'), error: errorCodeSchema, detail: detailSchema }),
]);
export const saveOutcomeSchema = z.object({ keyVault: storeResultSchema, keychain: storeResultSchema, keyVaultRetryPending: z.boolean() });

export const consentStepSchema = z.enum(['waiting-for-sign-in', 'exchanging-code', 'checking-mfa', 'saving-to-key-vault', 'saving-to-keychain']);
export const consentProgressSchema = z.discriminatedUnion('state', [
  z.object({ profileId: z.string(), state: z.literal('step'), step: consentStepSchema, signInUrl: z.url().optional() }),
  z.object({
    profileId: z.string(),
    state: z.literal('succeeded'),
    summary: z.object({ user: z.string().nullable(), tenantId: z.string().nullable(), audience: z.string().nullable(), scopes: z.array(z.string()), mfa: z.boolean().nullable(), expiresAt: z.string().nullable() }),
    saved: saveOutcomeSchema,
  }),
  z.object({ profileId: z.string(), state: z.literal('failed'), error: errorCodeSchema, detail: detailSchema }),
]);
export type ConsentProgressPayload = z.infer<typeof consentProgressSchema>;

export const samMethods = {
  'profiles.list': {
    request: z.object({}).strict(),
    response: z.object({
      profiles: z.array(profileSchema.extend({ hasClientSecret: z.boolean(), hasRefreshToken: z.boolean() })),
      damaged: damagedFileSchema.nullable(),
    }),
  },
  'profiles.create': {
    // The profile service validates the input itself and answers with field-level errors a person can act on.
    request: z.object({ input: z.unknown(), secrets: secretsSchema }).strict(),
    response: saveResultSchema,
  },
  'profiles.update': {
    // An input pointing the profile at other endpoints must carry the client secret (or certificate password) again:
    // stored secrets are bound to where they were entered (shared/profiles/endpoint-binding.ts).
    request: z.object({ id: profileIdSchema, input: z.unknown(), secrets: secretsSchema }).strict(),
    response: saveResultSchema,
  },
  'profiles.duplicate': {
    request: z.object({ id: profileIdSchema }).strict(),
    response: saveResultSchema,
  },
  'profiles.remove': {
    request: z.object({ id: profileIdSchema }).strict(),
    response: z.object({ keychainCleanupFailed: z.boolean() }),
  },
  'profiles.export': {
    request: z.object({ ids: z.array(profileIdSchema).max(1_000).optional() }).strict(),
    response: z.object({ json: z.string() }),
  },
  'profiles.import': {
    request: z.object({ json: z.string().max(5_000_000) }).strict(),
    response: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        imported: z.number(),
        rejected: z.number(),
        entries: z.array(
          z.discriminatedUnion('status', [
            z.object({ index: z.number(), status: z.literal('imported'), profile: profileSchema, notices: z.array(fieldErrorSchema) }),
            z.object({ index: z.number(), status: z.literal('rejected'), displayName: z.string().nullable(), errors: z.array(fieldErrorSchema) }),
          ]),
        ),
      }),
      z.object({ ok: z.literal(false), messageKey: z.string(), values: detailSchema }),
    ]),
  },
  'consent.start': {
    request: z
      .object({
        profileId: profileIdSchema,
        prompt: z.enum(['login', 'select_account']).optional(),
        loginHint: z.string().max(256).optional(),
        openBrowser: z.boolean(),
        /** Sign in in SAM Desk's own window instead of the system browser (desktop app only). */
        inAppWindow: z.boolean().optional(),
      })
      .strict(),
    response: orFailure({}),
  },
  'consent.cancel': {
    request: z.object({ profileId: profileIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'keyVault.retry': {
    request: z.object({ profileId: profileIdSchema }).strict(),
    response: orFailure({ version: z.string() }),
  },
  'tokens.acquire': {
    request: z.object({ profileId: profileIdSchema, resource: z.url({ protocol: /^https$/ }).max(256).optional() }).strict(),
    response: orFailure({
      expiresAt: z.string(),
      scopes: z.array(z.string()),
      refreshedFrom: z.enum(['key-vault', 'keychain', 'memory', 'cache']),
      saved: saveOutcomeSchema.nullable(),
    }),
  },
} as const;

export const samEvents = {
  'consent.progress': consentProgressSchema,
  /** Main asks the window to show a profile (a sam-desk:// deep link started its consent). */
  'profiles.focus': z.object({ profileId: z.uuid() }),
} as const;
