import { spawn } from 'node:child_process';
import { isSignInUrl } from '../security/external-links';

/**
 * Opens an http(s) address in the default browser without Electron (browser mode and the CLI). Only http(s) URLs
 * are passed on, as a single argument, so nothing in the URL can become a shell command. A machine with no
 * opener (headless CI) is fine: callers always show the address too.
 */
export function openInSystemBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  if (!/^https?:\/\//i.test(url)) return;
  const [command, args] = platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** Opens a consent's sign-in page, only when it is on the profile's bound sign-in host (external-links.ts). */
export function openSignInPage(url: string, signInOrigins: readonly string[], platform: NodeJS.Platform = process.platform): void {
  if (isSignInUrl(url, signInOrigins)) openInSystemBrowser(url, platform);
}
