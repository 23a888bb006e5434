import { z } from 'zod';

/**
 * Partner Center data as the window sees it: the fields the customers and users tables show, nothing else. Main maps
 * Partner Center's resources to these rows (partner-center/rows in services) before anything crosses the bridge.
 */
export const customerRowSchema = z.object({
  /** The customer's id, which for Partner Center is also its Entra tenant id. */
  id: z.string(),
  companyName: z.string(),
  domain: z.string(),
  tenantId: z.string(),
  /** reseller, advisor or none, as Partner Center writes it. */
  relationship: z.string(),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const userStateSchema = z.enum(['active', 'deleted']);
export type UserState = z.infer<typeof userStateSchema>;

export const userRowSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  /** Partner Center calls a soft-deleted user "inactive"; the window says "deleted", as the admin center does. */
  state: userStateSchema,
  usageLocation: z.string(),
  /** When a deleted user was deleted (restorable for 30 days from then); null for active users. */
  deletedAt: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRowSchema>;
