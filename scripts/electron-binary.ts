import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable if it is installed, else null. Reads what the electron package's installer leaves
 * behind instead of calling require('electron'), which would try to download the binary on these machines.
 */
export function findElectronBinary(projectRoot: string): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

export const noElectronReason =
  'The Electron binary is not installed (node_modules/electron has no dist/), as on machines that cannot download it.';
