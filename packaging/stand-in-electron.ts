import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What marks the start of Electron's fuse wire in its binary (from @electron/fuses). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's own fuse states as it ships (version 1 wire, 8 fuses): run as node on, cookie encryption off, NODE_OPTIONS
 * on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
 */
const ELECTRON_DEFAULT_WIRE = '10110001';

/**
 * An unpacked Electron distribution for Linux that electron-builder can package, where the real one cannot be
 * downloaded. The executable is a shell script that refuses to run but carries a real fuse wire, so the fuses hook
 * flips and verifies it exactly as it does Electron's. Everything else electron-builder touches is there by name.
 */
export async function writeStandInElectron(directory: string, electronVersion: string): Promise<string> {
  await mkdir(join(directory, 'resources'), { recursive: true });
  const wire = `${FUSE_SENTINEL}\u0001${String.fromCharCode(ELECTRON_DEFAULT_WIRE.length)}${ELECTRON_DEFAULT_WIRE}`;
  const executable = join(directory, 'electron');
  await writeFile(executable, `#!/bin/sh\n# Stand-in for Electron ${electronVersion}: packaging checks only.\n# ${wire}\necho "stand-in Electron: cannot run" >&2\nexit 1\n`, 'latin1');
  await chmod(executable, 0o755);
  await writeFile(join(directory, 'version'), electronVersion);
  await writeFile(join(directory, 'LICENSE'), 'Stand-in for the Electron license file.\n');
  await writeFile(join(directory, 'LICENSES.chromium.html'), '<!doctype html><title>Stand-in</title>\n');
  return executable;
}
