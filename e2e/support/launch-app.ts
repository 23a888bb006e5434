import { spawn, type ChildProcess } from 'node:child_process';
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
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--no-open'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
