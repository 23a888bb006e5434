import { z } from 'zod';
import { samErrorCodes } from '../sam/error-codes';
import { credentialUnknownReasons } from './health-facts';
import { healthActions, healthReasons, healthStates } from './health-state';

/** The zod shapes of health facts and assessments, for the contract: what crosses to the window is checked. */
const errorCode = z.enum(samErrorCodes);
const detail = z.record(z.string(), z.union([z.string(), z.number()]));
const learned = <T extends z.ZodType>(value: T) => z.object({ value, at: z.string() });
const presence = z.enum(['present', 'absent', 'not-configured', 'unreadable']);

export const healthFactsSchema = z.object({
  profileId: z.string(),
  stores: learned(z.object({ keyVault: presence, keychain: presence, sameToken: z.boolean().nullable() })).optional(),
  keyVaultVersions: learned(z.array(z.object({ version: z.string(), createdAt: z.string().nullable(), enabled: z.boolean(), tags: z.record(z.string(), z.string()) })).max(50)).optional(),
  keyVaultSecret: learned(
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('current'), version: z.string(), notBefore: z.string().nullable(), expiresAt: z.string().nullable() }),
      z.object({ status: z.literal('missing') }),
      z.object({ status: z.literal('soft-deleted'), deletedAt: z.string().nullable(), purgeAt: z.string().nullable() }),
      z.object({ status: z.literal('disabled'), version: z.string().nullable() }),
      z.object({ status: z.literal('unreadable'), code: errorCode, permission: z.string().nullable() }),
    ]),
  ).optional(),
  keyVaultWriteFailed: learned(z.object({ code: errorCode })).optional(),
  keyVaultVersionCounts: learned(z.object({ total: z.number().int().min(0), enabled: z.number().int().min(0) })).optional(),
  tokenIssuedAt: learned(z.string()).optional(),
  lastRedemption: learned(z.string()).optional(),
  accessToken: learned(z.object({ user: z.string().nullable(), mfa: z.boolean().nullable(), audience: z.string().nullable(), scopes: z.array(z.string()), expiresAt: z.string().nullable() })).optional(),
  partnerCenterProbe: learned(z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: errorCode })])).optional(),
  credentialExpiry: learned(z.object({ kind: z.enum(['secret', 'certificate']), expiresAt: z.string().nullable(), unknown: z.enum(credentialUnknownReasons).optional() }).nullable()).optional(),
  lastError: learned(z.object({ code: errorCode, detail })).optional(),
  lastCheck: learned(z.enum(['complete', 'offline'])).optional(),
});

export const healthAssessmentSchema = z.object({
  state: z.enum(healthStates),
  reasons: z.array(z.object({ reason: z.enum(healthReasons), values: detail })),
  action: z.enum(healthActions),
  daysLeft: z.number().nullable(),
  mfa: z.boolean().nullable(),
  keyVaultInSync: z.boolean().nullable(),
  asOf: z.string().nullable(),
  lastError: errorCode.nullable(),
  grantProvenAt: z.string().nullable(),
  setAside: z.array(z.string()),
});

export const healthEntrySchema = z.object({ profileId: z.string(), displayName: z.string(), assessment: healthAssessmentSchema, facts: healthFactsSchema });
export type HealthEntryPayload = z.infer<typeof healthEntrySchema>;
