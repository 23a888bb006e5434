import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { isPackagedPlatform, samDeskFuses, verifyFuses } from '../packaging/fuses';
import { findElectronBinary, noElectronReason } from '../scripts/electron-binary';
import { partnerCenterToken } from './support/make-token';

/** The desktop app itself. Runs where the Electron binary is installed; elsewhere skips and says why. */
const root = fileURLToPath(new URL('..', import.meta.url));
const binary = findElectronBinary(root);
if (!binary) console.log(`electron.spec: skipped. ${noElectronReason}`);

test.describe('SAM Desk in Electron', () => {
  test.skip(!binary, noElectronReason);

  test('starts sandboxed with the contract API and inspects a token', async () => {
    if (!binary) throw new Error(noElectronReason); // unreachable: the describe block skips without a binary
    const app = await electron.launch({ executablePath: binary, args: [root] });
    const window = await app.firstWindow();
    const exposed = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((window as unknown as { samDesk: object }).samDesk).sort(),
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', api: ['app', 'consent', 'keyVault', 'profiles', 'tokens'] });
    await window.getByLabel('Token', { exact: true }).fill(partnerCenterToken());
    await expect(window.getByTestId('checks').locator('[data-check="mfa"]')).toHaveAttribute('data-status', 'pass');
    await expect(window.getByTestId('mode')).toHaveText('Desktop app');
    await app.close();
  });
});

/**
 * The app `npm run dist:*` packed into release/ on this machine (electron-builder's unpacked folder), or null. The
 * workflow runs this after building the installers; a plain `npm test` has packed nothing and skips.
 */
function packedApp(): string | null {
  const release = join(root, 'release');
  const candidates =
    process.platform === 'win32'
      ? [join(release, 'win-unpacked', 'SAM Desk.exe')]
      : process.platform === 'darwin'
        ? [join(release, 'mac-arm64', 'SAM Desk.app'), join(release, 'mac', 'SAM Desk.app')]
        : [join(release, 'linux-unpacked', 'sam-desk')];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}
const noPackedAppReason = 'No packed app in release/: run npm run dist:win, dist:mac or dist:linux on this OS first.';

test.describe('the packed app', () => {
  const packed = packedApp();
  test.skip(!packed, noPackedAppReason);

  test('has every Electron fuse as packaging/fuses.ts sets it', async () => {
    if (!packed || !isPackagedPlatform(process.platform)) throw new Error(noPackedAppReason);
    // Read from the binary the installers were made from, after electron-builder signed it (afterPack flips them
    // before signing; this proves signing left them as they were).
    const { wrong, states } = await verifyFuses(packed, samDeskFuses(process.platform, process.arch));
    expect(wrong, states.join(', ')).toEqual([]);
  });
});
