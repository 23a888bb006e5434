import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

/**
 * Starts SAM Desk in browser mode the way `npm start` does on a machine without Electron (the real launch
 * script, the built renderer, the real handler table) and reads the address it prints.
 */
export interface RunningApp {
  readonly url: string;
  readonly origin: string;
}

async function launch(): Promise<{ app: RunningApp; process: ChildProcess }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser-mode/launch.ts', '--no-open'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${String(code)}: ${output}`)));
  });
  return { app: { url, origin: new URL(url).origin }, process: child };
}

export const test = base.extend<object, { app: RunningApp }>({
  app: [
    // Playwright reads a fixture's dependencies from its first parameter, which must be an object pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { app, process: child } = await launch();
      await use(app);
      child.kill('SIGTERM');
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
