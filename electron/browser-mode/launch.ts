import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { compose } from '../compose';
import { readPackageVersion } from '../services/app-version';
import { installCrashGuard } from '../services/crash-guard';
import { createLogger } from '../services/logger';
import { findLocalCloud } from '../services/local-cloud';
import { defaultServices } from '../services/default-services';
import { envLanguage } from '../services/env-language';
import { hasNetworkInterface } from '../services/network-interfaces';
import { openInSystemBrowser, openSignInPage } from '../services/system-browser';
import { LAUNCH_CODE_LIFETIME_MS } from './launch-codes';
import { startBrowserModeServer } from './server';

/**
 * Browser mode: SAM Desk in a local browser tab, for machines without the Electron binary and for the e2e tests.
 * Prints a line `SAM Desk is running at <url>` (tests read it) and opens the URL unless --no-open or CI is set. The
 * URL carries a one-time launch code, not the session key (see launch-codes.ts): each Enter on stdin prints (and
 * opens) a new one, for another tab or when the first has expired.
 */
const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
if (!existsSync(rendererDir)) {
  process.stderr.write('sam-desk: the renderer is not built yet; run `npm run build` first.\n');
  process.exit(2);
}

const portArgument = process.argv.find((arg) => arg.startsWith('--port='));
const logger = createLogger((line) => process.stderr.write(`${line}\n`));
installCrashGuard(process, logger);
const localCloud = findLocalCloud(process.env);
if (localCloud.kind === 'unreadable') {
  process.stderr.write(`sam-desk: SAM_DESK_LOCAL_CLOUD points at ${localCloud.path}, which is not a local cloud description. Start the demo with \`npm run demo\`.\n`);
  process.exit(2);
}
const composition = compose({
  mode: 'browser',
  version: readPackageVersion(new URL('../../package.json', import.meta.url)),
  platform: process.platform,
  cloud: localCloud.kind === 'local' ? 'local' : 'microsoft',
  isOnline: hasNetworkInterface,
  logger,
  services: defaultServices(openSignInPage),
  language: envLanguage(process.env),
});
const server = await startBrowserModeServer({
  rendererDir,
  dispatch: composition.dispatch,
  bus: composition.bus,
  logger,
  port: portArgument ? Number(portArgument.slice('--port='.length)) : 0,
});
const open = !process.argv.includes('--no-open') && !process.env.CI;
const announce = (url: string): void => {
  process.stdout.write(`SAM Desk is running at ${url}\n`);
  if (open) openInSystemBrowser(url);
};
announce(server.url);
process.stdout.write(`The link works once, within ${String(LAUNCH_CODE_LIFETIME_MS / 1000)} seconds. Keep this terminal open; press Enter for a new link, Ctrl+C to stop.\n`);
// Not as a terminal: Ctrl+C must stay the signal that stops SAM Desk, not a key readline takes.
const input = createInterface({ input: process.stdin, terminal: false });
input.on('line', () => announce(server.newLaunchUrl()));

const stop = (): void => {
  input.close();
  composition.dispose();
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
