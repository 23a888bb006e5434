import { expect, test } from '@playwright/test';
import { launchApp } from './support/launch-app';
import { consentProfileNamed, controlApi, newDescriptorPath, readDescriptor } from './support/local-cloud';
import { signInBrowser } from './support/sign-in';

/**
 * Key Vault is what automation reads: the demo profile's secret soft-deleted in the local cloud (as in the portal)
 * makes the dashboard say Action needed with Recover — never Healthy although this computer's keychain still holds
 * the token — and one click recovers it, all versions included. The profile's timeline says what happened.
 */
test.use({ locale: 'en-US', timezoneId: 'Europe/Stockholm' });

const DEMO_PROFILE = 'Contoso Partner (demo)';

test('a soft-deleted Key Vault secret shows Action needed with Recover, and one click makes the profile healthy', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const descriptorPath = newDescriptorPath();
  const demo = await launchApp('scripts/demo.ts', { args: ['--ports=any'], env: { SAM_DESK_LOCAL_CLOUD: descriptorPath } });
  const control = await controlApi(readDescriptor(descriptorPath).endpoints.control);
  try {
    await page.goto(demo.app.url);
    const signIn = await signInBrowser(browser);
    await consentProfileNamed(page, signIn, DEMO_PROFILE);

    await page.getByRole('tab', { name: 'Token health' }).click();
    const row = page.getByTestId('health-row').filter({ hasText: DEMO_PROFILE });
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(row).toHaveAttribute('data-state', 'healthy', { timeout: 30_000 });

    // Someone deletes the secret in the portal: automation finds no token from now on.
    const versionsBefore = ((await (await control.get('/keyvault/secrets/PartnerCenterRefreshToken')).json()) as { versions: number }).versions;
    expect((await control.delete('/keyvault/secrets/PartnerCenterRefreshToken')).status()).toBe(200);
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(row).toHaveAttribute('data-state', 'action-needed', { timeout: 30_000 });
    await expect(row.getByTestId('health-state')).toHaveText('Action needed');
    await expect(row.getByTestId('health-reason')).toContainText('The Key Vault secret was deleted on');
    await expect(row.getByTestId('health-reason')).toContainText('It can be recovered, with all its versions, until');
    const recover = row.getByTestId('health-action');
    await expect(recover).toHaveText('Recover');
    await expect(recover).toHaveAttribute('data-action', 'recover-key-vault');

    await recover.click();
    await expect(row).toHaveAttribute('data-state', 'healthy', { timeout: 30_000 });
    const versionsAfter = ((await (await control.get('/keyvault/secrets/PartnerCenterRefreshToken')).json()) as { versions: number }).versions;
    expect(versionsAfter).toBe(versionsBefore);

    // The profile's timeline (from the audit log) says what happened.
    await row.getByTestId('health-open').click();
    const timeline = page.getByTestId('health-timeline-event');
    await expect(timeline.filter({ hasText: 'Key Vault secret recovered' })).toHaveCount(1);
    await expect(timeline.filter({ hasText: 'Key Vault secret recovered' })).toHaveAttribute('data-outcome', 'ok');
  } finally {
    await control.dispose();
    demo.process.kill('SIGTERM');
    await new Promise((resolve) => demo.process.once('exit', resolve));
  }
});
