import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printedLaunchUrls } from '../../scripts/printed-launch-url';

/** A running SAM Desk in browser mode, started by one of the real entry scripts, and the address it printed. */
export interface RunningApp {
  /** The address it printed first: its launch code works once, within a minute. */
  readonly url: string;
  readonly origin: string;
  /** Presses Enter in its terminal and returns the new launch address it prints. */
  readonly newLaunchUrl: () => Promise<string>;
  /** Everything the process printed so far (the demo prints the local cloud's addresses). */
  readonly output: () => string;
}

export interface LaunchOptions {
  /** The settings folder; a new empty one by default. Passing the same one again is how a relaunch is tested. */
  readonly home?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
}

export async function launchApp(script: string, options: LaunchOptions = {}): Promise<{ app: RunningApp; process: ChildProcess; home: string }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Each app gets its own settings folder, so tests never see (or touch) a developer's real profiles.
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'sam-desk-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--no-open', ...(options.args ?? [])], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env, SAM_DESK_HOME: home } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const launchUrls = printedLaunchUrls(child, () => output, 30_000);
  const url = await launchUrls.first().catch((error: unknown) => {
    throw new Error(`${script} did not start (${String(error)}): ${output}`);
  });
  const newLaunchUrl = (): Promise<string> =>
    launchUrls.next().catch((error: unknown) => {
      throw new Error(`${script} gave no new launch address (${String(error)}): ${output}`);
    });
  return { app: { url, origin: new URL(url).origin, newLaunchUrl, output: () => output }, process: child, home };
}
