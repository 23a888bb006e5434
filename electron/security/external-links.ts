import { isOnOrigins } from '../../shared/profiles/endpoint-binding';

/**
 * The only addresses SAM Desk will hand to the system browser: Microsoft's documentation and admin portals over
 * https, and a consent's sign-in page on the profile's own sign-in host (isSignInUrl). Anything else a page tries to
 * open is dropped. Exact host match, no user info, default port.
 */
const allowedHosts: ReadonlySet<string> = new Set([
  'learn.microsoft.com',
  'partner.microsoft.com',
  'portal.azure.com',
  'entra.microsoft.com',
  'admin.microsoft.com',
]);

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && allowedHosts.has(url.hostname);
}

/**
 * A consent's sign-in page: https on the sign-in host the profile's secret is bound to (or one of its aliases), where
 * the admin types a password and an MFA code. Any other address is not opened, whoever asks.
 */
export function isSignInUrl(raw: string, signInOrigins: readonly string[]): boolean {
  return isOnOrigins(raw, signInOrigins);
}
