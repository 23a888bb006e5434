/**
 * The renderer's home: app://sam-desk/. Node's URL gives custom schemes an opaque origin ("null"), so URLs are
 * compared by scheme and host, never by `.origin`. Free of 'electron' so the rule can be unit-tested.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sam-desk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function isAppUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** A blob: URL the app's own page made (its CSV exports): the only downloads the desktop app accepts. */
export function isAppBlobUrl(candidate: string): boolean {
  return candidate.startsWith('blob:') && isAppUrl(candidate.slice('blob:'.length));
}
