import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printedLaunchUrls } from '../scripts/printed-launch-url';

/**
 * SAM Desk in browser mode as a person starts it (electron/browser-mode/launch.ts, the built renderer), in a process
 * of its own, on a given settings folder. The environment is this process's: NODE_EXTRA_CA_CERTS (run.ts sets it to
 * the local cloud's bundle) and the keychain session's D-Bus address go with it.
 */
export interface BrowserModeApp {
  /** The address it printed first: its launch code opens one page, within a minute. */
  readonly url: string;
  /** A new launch address (Enter in its terminal), for each further page. */
  newLaunchUrl(): Promise<string>;
  readonly port: number;
  /** Everything it printed so far, for error messages. */
  output(): string;
  /** Stops it and waits for it to exit (SIGKILL if SIGTERM is not enough). Safe to call twice. */
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export async function launchBrowserModeApp(options: { readonly home: string; readonly port?: number }): Promise<BrowserModeApp> {
  const args = ['--import', 'tsx', 'electron/browser-mode/launch.ts', '--no-open', ...(options.port === undefined ? [] : [`--port=${String(options.port)}`])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, SAM_DESK_HOME: options.home } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = (): Promise<void> => stopProcess(child);
  const launchUrls = printedLaunchUrls(child, () => output, START_TIMEOUT_MS);
  try {
    const url = await launchUrls.first().catch((error: unknown) => {
      throw new Error(`SAM Desk (browser mode) did not start (${String(error)}): ${output}`);
    });
    return { url, port: Number(new URL(url).port), newLaunchUrl: () => launchUrls.next(), output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_TIMEOUT_MS)));
  if ((await Promise.race([exited, late])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}
