import type { SamErrorCode } from '../sam/error-codes';

/**
 * What SAM Desk knows about one profile's refresh token, each fact with the time it was learned. Facts are gathered
 * by the health service in main (from Key Vault, the keychain, the last access token and a Partner Center probe),
 * kept on disk without any secret, and assessed by assessHealth — so a health state can be shown offline, from the
 * last facts, with their age.
 */
export interface Learned<T> {
  readonly value: T;
  /** ISO-8601: when this was found out. */
  readonly at: string;
}

export type StorePresence = 'present' | 'absent' | 'not-configured' | 'unreadable';

export interface TokenStoresFact {
  readonly keyVault: StorePresence;
  readonly keychain: StorePresence;
  /**
   * Whether both stores hold the same refresh token (compared by SHA-256 digest in main; neither token nor digest is
   * kept). null when one of them has none, or is not used.
   */
  readonly sameToken: boolean | null;
}

/** One version of the profile's Key Vault secret: when it was written and the tags it carries. */
export interface KeyVaultVersion {
  readonly version: string;
  readonly createdAt: string | null;
  readonly enabled: boolean;
  readonly tags: Readonly<Record<string, string>>;
}

export interface KeyVaultVersionCounts {
  readonly total: number;
  readonly enabled: number;
}

/** The claims of the last access token, as the inspector reads them (never the token). */
export interface AccessTokenFact {
  readonly user: string | null;
  readonly mfa: boolean | null;
  readonly audience: string | null;
  readonly scopes: readonly string[];
  readonly expiresAt: string | null;
}

/** A cheap Partner Center call made with the access token: whether Partner Center takes it. */
export type ProbeResult = { readonly ok: true } | { readonly ok: false; readonly error: SamErrorCode };

/**
 * Why the app credential's expiry is not known although SAM Desk asked: the app may not read its own registration in
 * Microsoft Graph (no Application.Read.All admin-consented), or Graph lists no credential that is the profile's.
 */
export const credentialUnknownReasons = ['no-permission', 'not-found'] as const;
export type CredentialUnknownReason = (typeof credentialUnknownReasons)[number];

/**
 * The app registration's own secret or certificate, where SAM Desk may read it: a certificate's from its file (and
 * the registration), a client secret's from the registration in Microsoft Graph. `expiresAt` is null when it could
 * not be read, and `unknown` says why; an unknown expiry is not a problem in itself.
 */
export interface CredentialExpiryFact {
  readonly kind: 'secret' | 'certificate';
  readonly expiresAt: string | null;
  readonly unknown?: CredentialUnknownReason;
}

/**
 * The profile's Key Vault secret as automation reading it finds it: its current version and that version's dates, or
 * why there is none to read. `current` says nothing about the value; whether it is the token in use is `stores.sameToken`.
 */
export type KeyVaultSecretFact =
  | { readonly status: 'current'; readonly version: string; readonly notBefore: string | null; readonly expiresAt: string | null }
  | { readonly status: 'missing' }
  /** Soft-deleted: recoverable until `purgeAt`, with all its versions. */
  | { readonly status: 'soft-deleted'; readonly deletedAt: string | null; readonly purgeAt: string | null }
  /** The current version is disabled: reads of it are refused. */
  | { readonly status: 'disabled'; readonly version: string | null }
  | { readonly status: 'unreadable'; readonly code: SamErrorCode; readonly permission: string | null };

export interface HealthFacts {
  readonly profileId: string;
  readonly stores?: Learned<TokenStoresFact>;
  /** The newest versions (at most 50). */
  readonly keyVaultVersions?: Learned<readonly KeyVaultVersion[]>;
  readonly keyVaultSecret?: Learned<KeyVaultSecretFact>;
  /**
   * The last write of a new refresh token to Key Vault failed (the keychain kept it): automation reads an older token
   * until it is written. Cleared by the next successful write.
   */
  readonly keyVaultWriteFailed?: Learned<{ readonly code: SamErrorCode }>;
  /** How many versions the secret has in all, and how many of them are enabled (each holds a refresh token that works). */
  readonly keyVaultVersionCounts?: Learned<KeyVaultVersionCounts>;
  /**
   * When the refresh token in use was issued (consent or the last rotation): the start of its 90-day inactivity
   * window. From SAM Desk's own records, or Key Vault's version date when automation elsewhere rotated it.
   */
  readonly tokenIssuedAt?: Learned<string>;
  /** The last time SAM Desk redeemed the refresh token successfully. */
  readonly lastRedemption?: Learned<string>;
  readonly accessToken?: Learned<AccessTokenFact>;
  readonly partnerCenterProbe?: Learned<ProbeResult>;
  readonly credentialExpiry?: Learned<CredentialExpiryFact | null>;
  /** The last failure of a check, refresh or consent, with its code; cleared by the next success. */
  readonly lastError?: Learned<{ readonly code: SamErrorCode; readonly detail: Readonly<Record<string, string | number>> }>;
  /** The last complete health check (successful or not). */
  readonly lastCheck?: Learned<'complete' | 'offline'>;
}

/** Entra ends a refresh token that has not been used for this long (AADSTS700082). */
export const REFRESH_TOKEN_INACTIVITY_DAYS = 90;
export const DEFAULT_EXPIRING_THRESHOLD_DAYS = 14;
/** How long a check trusts the last successful redemption before it redeems again to prove the grant still works. */
export const DEFAULT_PROBE_INTERVAL_HOURS = 24;
/**
 * Facts dated further ahead than this (the clock moved back since they were learned) are set aside: a date in the
 * future would otherwise show more days left than the token has.
 */
export const FUTURE_FACT_TOLERANCE_MS = 5 * 60_000;
