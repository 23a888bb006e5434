/**
 * The only addresses SAM Desk will hand to the system browser: Microsoft's documentation and admin portals over
 * https. Anything else a page tries to open is dropped. Exact host match, no user info, default port.
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
