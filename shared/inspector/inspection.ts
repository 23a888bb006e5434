import { z } from 'zod';

/**
 * The result of inspecting one pasted token. It is the `tokens.inspect` response of the IPC contract and the
 * shape behind `sam-desk inspect --json`, so it carries data and message keys, never sentences: each side
 * renders the keys in its own language (see shared/i18n).
 */

export const tokenKindSchema = z.enum(['jwt', 'jwe', 'opaque', 'invalid']);
export type TokenKind = z.infer<typeof tokenKindSchema>;

export const checkStatusSchema = z.enum(['pass', 'warn', 'fail', 'info']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

/** Values interpolated into a translated message, e.g. {{audience}}. */
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof messageParamsSchema>;

export const inspectionCheckSchema = z.object({
  /** Stable id scripts may match on: expired, not-yet-valid, mfa, audience-partner-center, ... */
  id: z.string(),
  status: checkStatusSchema,
  /** i18n key under `inspector.checks.*`, e.g. `inspector.checks.mfa.fail`. */
  messageKey: z.string(),
  params: messageParamsSchema,
});
export type InspectionCheck = z.infer<typeof inspectionCheckSchema>;

export const inspectionTimesSchema = z.object({
  issuedAt: z.string().nullable(),
  notBefore: z.string().nullable(),
  expiresAt: z.string().nullable(),
  expired: z.boolean().nullable(),
  secondsLeft: z.number().nullable(),
});
export type InspectionTimes = z.infer<typeof inspectionTimesSchema>;

export const inspectionSummarySchema = z.object({
  audience: z.string().nullable(),
  tenantId: z.string().nullable(),
  user: z.string().nullable(),
  appId: z.string().nullable(),
  scopes: z.array(z.string()),
  roles: z.array(z.string()),
  mfa: z.boolean().nullable(),
  version: z.string().nullable(),
});
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

export const jsonObjectSchema = z.record(z.string(), z.unknown());

export const inspectionSchema = z.object({
  kind: tokenKindSchema,
  /** Where the token was found in the pasted text: bare, bearer, quoted, url-fragment, url-query, ... */
  source: z.string(),
  /** Which parameter carried it when pasted as a URL: access_token, id_token, ... */
  parameter: z.string().nullable(),
  /** For kind `invalid` (and notes on opaque/jwe): i18n key under `inspector.problems.*` with params. */
  problem: z.object({ messageKey: z.string(), params: messageParamsSchema }).nullable(),
  header: jsonObjectSchema.nullable(),
  claims: jsonObjectSchema.nullable(),
  times: inspectionTimesSchema,
  summary: inspectionSummarySchema,
  checks: z.array(inspectionCheckSchema),
  /** Signature facts: the algorithm and key id from the header; `verified` false unless keys were at hand. */
  signature: z.object({ alg: z.string().nullable(), kid: z.string().nullable(), verified: z.boolean() }),
  /** Token length in characters (a useful fact for opaque tokens), never the token itself. */
  length: z.number(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
