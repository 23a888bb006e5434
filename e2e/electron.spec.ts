import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
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
