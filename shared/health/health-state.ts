import type { SamErrorCode } from '../sam/error-codes';

/**
 * A profile's health, worst first: what it is, why (each reason a code with safe values for its sentence), and the
 * single most useful next action.
 */
export const healthStates = ['dead', 'action-needed', 'expiring', 'unknown', 'healthy'] as const;
export type HealthState = (typeof healthStates)[number];

/**
 * Why a profile is in its state. The order is the priority: reasons are listed in this order, and within one state
 * the first reason found decides the next action (an expired app credential comes before a missing MFA claim because
 * a reconsent cannot redeem its code without a valid credential either).
 */
export const healthReasons = [
  // dead: only a new consent brings the profile back.
  /** The refresh token was refused for good (expired, revoked, consent withdrawn): only a new consent helps. */
  'token-dead',
  'inactivity-window-passed',
  'no-refresh-token',
  // action-needed: the token may be fine, but something the admin has to fix stands in the way.
  'credential-expired',
  'no-mfa-claim',
  'partner-center-refused',
  'last-check-failed',
  // What automation reads: the Key Vault secret is gone, switched off, outside its dates or behind the keychain.
  'key-vault-secret-deleted',
  'key-vault-secret-disabled',
  'key-vault-secret-missing',
  'key-vault-write-failed',
  'key-vault-secret-expired',
  'key-vault-secret-not-yet-valid',
  'key-vault-unreadable',
  'keychain-unreadable',
  'key-vault-out-of-sync',
  'credential-expiring',
  // expiring: a redemption in time keeps the token alive.
  'inactivity-window-ending',
  // unknown: the last-known facts may be stale.
  'never-checked',
  'offline',
  /** Facts dated in the future were set aside (the clock moved back): a check learns them again. */
  'facts-from-the-future',
] as const;
export type HealthReason = (typeof healthReasons)[number];

/**
 * The one next step offered for a profile. Redeeming the vault's token writes its successor to both stores, so
 * refresh-now brings a vault that is ahead of the keychain back in line; when the keychain holds the live token (a
 * vault write failed), write-key-vault puts it in the vault. recover-key-vault and enable-key-vault undo a soft delete
 * and a disabled current version.
 */
export const healthActions = ['reconsent', 'refresh-now', 'recover-key-vault', 'enable-key-vault', 'write-key-vault', 'renew-credential', 'check-now', 'open-profile', 'none'] as const;
export type HealthAction = (typeof healthActions)[number];

export interface HealthAssessment {
  readonly state: HealthState;
  readonly reasons: ReadonlyArray<{ readonly reason: HealthReason; readonly values: Readonly<Record<string, string | number>> }>;
  readonly action: HealthAction;
  /**
   * Whole days left in the refresh token's 90-day inactivity window (0 once it has passed), when its issue time is
   * known; null too when the stores say there is no token, whose window would mean nothing.
   */
  readonly daysLeft: number | null;
  readonly mfa: boolean | null;
  readonly keyVaultInSync: boolean | null;
  /**
   * When the newest fact about the token was learned: how old this picture is. An attempt that could not reach
   * Microsoft (an offline check, a network-like error) taught nothing about the token, so it does not make it newer.
   */
  readonly asOf: string | null;
  /** The code of the last failure while it still counts (no success since), with its remedy in sam.errors. */
  readonly lastError: SamErrorCode | null;
  /** When Entra last accepted the grant (the last successful redemption or consent): how long ago it was proven. */
  readonly grantProvenAt: string | null;
  /** Names of facts set aside because they were dated in the future. */
  readonly setAside: readonly string[];
}

/** Lower is more urgent: the dashboard's sort order. */
export function urgency(state: HealthState): number {
  return healthStates.indexOf(state);
}
