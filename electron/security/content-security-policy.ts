/**
 * The renderer's Content-Security-Policy: scripts only from the app itself (no eval, no inline script, nothing
 * remote), connections only back to the app (the browser-mode bridge), no frames, no plugins, no forms.
 * Styles allow inline because Fluent UI's styling engine (Griffel) inserts its rules at run time.
 * The build writes it into index.html as a meta tag; the browser-mode server also sends it as a header,
 * where `frame-ancestors` takes effect as well.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ');

/** Directives a meta tag cannot carry; sent as a header where there is one. */
export const headerOnlyPolicy = "frame-ancestors 'none'";
