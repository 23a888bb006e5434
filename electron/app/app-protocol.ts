import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { protocol } from 'electron';
import { contentTypes, resolveInside } from '../browser-mode/static-files';
import { contentSecurityPolicy, headerOnlyPolicy } from '../security/content-security-policy';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before `app.ready`: makes app:// a standard, secure origin (Electron advises against file://). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
}

/** Serves the built renderer under app://sam-desk/ with the CSP as a real header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname) : null;
    const type = file ? contentTypes[extname(file)] : undefined;
    if (!file || !type) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), {
        headers: { 'Content-Type': type, 'Content-Security-Policy': `${contentSecurityPolicy}; ${headerOnlyPolicy}`, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
