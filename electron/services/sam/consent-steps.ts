import type { SamErrorCode, SamErrorDetail } from './sam-error';
import type { SaveOutcome } from './refresh-token-store';

/** The steps a consent shows as they happen, in order. */
export type ConsentStep = 'waiting-for-sign-in' | 'exchanging-code' | 'checking-mfa' | 'saving-to-key-vault' | 'saving-to-keychain';

export interface ConsentTokenSummary {
  readonly user: string | null;
  readonly tenantId: string | null;
  readonly audience: string | null;
  readonly scopes: readonly string[];
  readonly mfa: boolean | null;
  readonly expiresAt: string | null;
}

export type ConsentProgress =
  | { readonly profileId: string; readonly state: 'step'; readonly step: ConsentStep; readonly signInUrl?: string }
  | { readonly profileId: string; readonly state: 'succeeded'; readonly summary: ConsentTokenSummary; readonly saved: SaveOutcome }
  | { readonly profileId: string; readonly state: 'failed'; readonly error: SamErrorCode; readonly detail: SamErrorDetail };
