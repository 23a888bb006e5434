import type { SamErrorCode } from '../../../shared/sam/error-codes';

/**
 * Everything that can go wrong with consent, refresh tokens and Key Vault, as stable codes. Each code has a
 * message and a remedy in shared/i18n (`sam.errors.<code>`); `detail` carries safe facts only (an AADSTS number,
 * a permission name, a vault host) and never a token, secret or raw exception text.
 */
export type { SamErrorCode };

export type SamErrorDetail = Readonly<Record<string, string | number>>;

export class SamError extends Error {
  constructor(
    readonly code: SamErrorCode,
    readonly detail: SamErrorDetail = {},
  ) {
    // The message is the code: safe to log, never user data.
    super(code);
    this.name = 'SamError';
  }
}

export function isSamError(error: unknown): error is SamError {
  return error instanceof SamError;
}
