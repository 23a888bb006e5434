import type { profilesEn } from '../../../shared/i18n/profiles-en';

/**
 * What can go wrong with profiles outside of validation (validation problems are returned, not thrown). Each code
 * has a text at `messageKey`; `values` are safe facts for it (a path, a version, a profile id), never a secret.
 */
export type ProfileErrorCode = 'not-found' | 'file-unreadable' | 'file-unwritable' | 'file-newer-version' | 'keychain-failed';

type ErrorKey = Exclude<keyof typeof profilesEn.errors, 'damagedReasons'>;

const messageKeys: Readonly<Record<ProfileErrorCode, `profiles.errors.${ErrorKey}`>> = {
  'not-found': 'profiles.errors.notFound',
  'file-unreadable': 'profiles.errors.fileUnreadable',
  'file-unwritable': 'profiles.errors.fileUnwritable',
  'file-newer-version': 'profiles.errors.fileNewerVersion',
  'keychain-failed': 'profiles.errors.keychainFailed',
};

export class ProfileError extends Error {
  readonly messageKey: `profiles.errors.${ErrorKey}`;

  constructor(
    readonly code: ProfileErrorCode,
    readonly values: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    // The message is the code: safe to log.
    super(code, options);
    this.name = 'ProfileError';
    this.messageKey = messageKeys[code];
  }
}

export function isProfileError(error: unknown): error is ProfileError {
  return error instanceof ProfileError;
}
