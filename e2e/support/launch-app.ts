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

export async function launchApp(script: string): Promise<{ app: RunningApp; process: ChildProcess }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Each app gets its own settings folder, so tests never see (or touch) a developer's real profiles.
  const home = mkdtempSync(join(tmpdir(), 'sam-desk-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--no-open'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SAM_DESK_HOME: home } });
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
  return { app: { url, origin: new URL(url).origin, output: () => output }, process: child };
}
