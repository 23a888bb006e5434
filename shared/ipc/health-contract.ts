import { z } from 'zod';
import { auditEventSchema, auditFilterSchema } from '../audit/audit-event';
import { healthEntrySchema } from '../health/health-schemas';
import { healthSettingsSchema } from '../health/health-settings';
import { healthStates } from '../health/health-state';
import { orFailure, profileIdSchema } from './common-schemas';

/**
 * The contract's token health and audit methods. `health.list` answers from the last known facts (offline too);
 * `health.check` looks again; `health.refresh` redeems and rotates the token first (Refresh now).
 */
const healthSettingsPayloadSchema = healthSettingsSchema;

export const healthMethods = {
  'health.list': {
    request: z.object({}).strict(),
    /** `now`: main's clock when it assessed the entries, so the window's relative times ("2 hours ago") agree with it. */
    response: z.object({ entries: z.array(healthEntrySchema), settings: healthSettingsPayloadSchema, now: z.iso.datetime() }),
  },
  'health.check': {
    /** Without a profile: every profile, one after another. */
    request: z.object({ profileId: profileIdSchema.optional() }).strict(),
    response: orFailure({ entries: z.array(healthEntrySchema) }),
  },
  'health.refresh': {
    request: z.object({ profileId: profileIdSchema }).strict(),
    response: orFailure({ entry: healthEntrySchema }),
  },
  /** Recover a soft-deleted secret, enable its disabled current version, or write the token in use as a new version. */
  'health.repairKeyVault': {
    request: z.object({ profileId: profileIdSchema, repair: z.enum(['recover', 'enable', 'write']) }).strict(),
    response: orFailure({ entry: healthEntrySchema }),
  },
  'health.settings': {
    request: healthSettingsPayloadSchema.partial().strict(),
    response: healthSettingsPayloadSchema,
  },
  'audit.list': {
    request: auditFilterSchema,
    response: z.object({ events: z.array(auditEventSchema) }),
  },
  'audit.export': {
    request: z.object({ filter: auditFilterSchema, format: z.enum(['jsonl', 'csv']) }).strict(),
    response: z.object({ text: z.string() }),
  },
} as const;

export const healthEvents = {
  /** A profile's health changed (a check, a consent, a redemption): the window reads the list again. */
  'health.changed': z.object({ profileId: z.string(), state: z.enum(healthStates) }),
  /** A notification for the window to show where the OS cannot (browser mode); the desktop app also shows it natively. */
  'health.notify': z.object({ profileId: z.string(), state: z.enum(healthStates), title: z.string().max(200), body: z.string().max(500) }),
} as const;
