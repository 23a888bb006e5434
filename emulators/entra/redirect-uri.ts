/**
 * Entra's redirect URI matching: exact, except that for http://localhost and http://127.0.0.1 the port is
 * ignored (loopback redirects pick a free port at run time) and a trailing slash on an empty path is optional.
 */
export function redirectUriAllowed(requested: string, registered: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return false;
  }
  return registered.some((candidate) => {
    const allowed = new URL(candidate);
    const loopback = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
    const samePath = url.pathname.replace(/\/$/, '') === allowed.pathname.replace(/\/$/, '');
    if (loopback && allowed.protocol === 'http:' && (allowed.hostname === 'localhost' || allowed.hostname === '127.0.0.1')) return samePath && url.search === '';
    return url.origin === allowed.origin && samePath && url.search === allowed.search;
  });
}
