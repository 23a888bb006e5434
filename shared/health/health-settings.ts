import { z } from 'zod';
import { DEFAULT_EXPIRING_THRESHOLD_DAYS } from './health-facts';

/**
 * How the running app looks after token health: a scheduled check (daily by default, with an off switch), whether
 * that check also redeems tokens to keep them alive (off until the admin allows it: every redemption writes a new Key
 * Vault version), OS notifications when a profile turns worse, and what "expiring soon" means. After each new Key Vault
 * version, the versions beyond the newest `keyVaultVersionsKept` are disabled (never deleted): each holds a refresh
 * token that stays valid.
 */
export const healthSettingsSchema = z
  .object({
    scheduled: z.boolean(),
    intervalHours: z.number().int().min(1).max(24 * 14),
    keepAlive: z.boolean(),
    notify: z.boolean(),
    expiringThresholdDays: z.number().int().min(1).max(89),
    keyVaultVersionsKept: z.number().int().min(1).max(25),
  })
  .strict();
export type HealthSettings = z.infer<typeof healthSettingsSchema>;

export const defaultHealthSettings: HealthSettings = { scheduled: true, intervalHours: 24, keepAlive: false, notify: true, expiringThresholdDays: DEFAULT_EXPIRING_THRESHOLD_DAYS, keyVaultVersionsKept: 2 };
