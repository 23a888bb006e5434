import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, noElectronReason } from './electron-binary';

/**
 * `npm start` (after `npm run build`): the Electron app when its binary is installed, otherwise browser mode,
 * which prints the address to open (and opens it where a browser can be opened).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const electron = findElectronBinary(root);
const [command, args] = electron
  ? [electron, ['.']]
  : [process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../electron/browser-mode/launch.ts', import.meta.url)), ...process.argv.slice(2)]];
if (!electron) process.stdout.write(`${noElectronReason}\nStarting SAM Desk in browser mode instead.\n`);
const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
