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
