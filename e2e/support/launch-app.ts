import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running SAM Desk in browser mode, started by one of the real entry scripts, and the address it printed. */
export interface RunningApp {
  readonly url: string;
  readonly origin: string;
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
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--no-open', ...(options.args ?? [])], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env, SAM_DESK_HOME: home } });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited with ${String(code)}: ${output}`)));
  });
  return { app: { url, origin: new URL(url).origin, output: () => output }, process: child, home };
}
