import { z } from 'zod';
import { DEFAULT_EXPIRING_THRESHOLD_DAYS, DEFAULT_PROBE_INTERVAL_HOURS } from './health-facts';

/**
 * How the running app looks after token health: a scheduled check (daily by default, with an off switch), whether
 * that check also redeems tokens to keep them alive (off until the admin allows it: every redemption writes a new Key
 * Vault version), OS notifications when a profile turns worse, what "expiring soon" means, how long a successful
 * redemption proves the grant before a check redeems again (which is what catches a revoked grant before automation),
 * and how many Key Vault versions stay enabled: after each new version, the versions beyond the newest
 * `keyVaultVersionsKept` are disabled (never deleted), since each holds a refresh token that stays valid.
 */
export const healthSettingsSchema = z
  .object({
    scheduled: z.boolean(),
    intervalHours: z.number().int().min(1).max(24 * 14),
    keepAlive: z.boolean(),
    notify: z.boolean(),
    expiringThresholdDays: z.number().int().min(1).max(89),
    /** Whether a check proves the grant by redeeming the refresh token (once per probe interval). */
    probe: z.boolean(),
    /** A check redeems the refresh token when the last successful redemption is older than this. */
    probeIntervalHours: z.number().int().min(1).max(24 * 30),
    keyVaultVersionsKept: z.number().int().min(1).max(25),
  })
  .strict();
export type HealthSettings = z.infer<typeof healthSettingsSchema>;

export const defaultHealthSettings: HealthSettings = { scheduled: true, intervalHours: 24, keepAlive: false, notify: true, expiringThresholdDays: DEFAULT_EXPIRING_THRESHOLD_DAYS, probe: true, probeIntervalHours: DEFAULT_PROBE_INTERVAL_HOURS, keyVaultVersionsKept: 2 };
