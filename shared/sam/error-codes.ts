/**
 * Everything that can go wrong with consent, refresh tokens and Key Vault, as stable codes shared by the main
 * process (which raises them), the renderer and the CLI (which show `sam.errors.<code>` message and remedy).
 */
export const samErrorCodes = [
  'refresh-token-expired',
  'grant-expired',
  'grant-revoked',
  'mfa-required',
  'mfa-registration-required',
  'sign-in-frequency',
  'consent-missing',
  'spa-refresh-token',
  'wrong-client',
  'client-secret-invalid',
  'client-secret-expired',
  'client-assertion-invalid',
  'redirect-uri-mismatch',
  'app-not-found',
  'tenant-not-found',
  'code-invalid',
  'token-without-mfa',
  'token-wrong-audience',
  'token-missing-scope',
  'no-refresh-token',
  'consent-cancelled',
  'consent-timeout',
  'consent-denied',
  'consent-in-progress',
  'redirect-port-in-use',
  'key-vault-forbidden',
  'key-vault-not-found',
  'key-vault-unauthorized',
  'key-vault-throttled',
  'key-vault-failed',
  'keychain-unavailable',
  'certificate-unreadable',
  'throttled',
  'network',
  'identity-service-error',
  'profile-not-found',
] as const;

export type SamErrorCode = (typeof samErrorCodes)[number];
