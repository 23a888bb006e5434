import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { launchApp } from './support/launch-app';
import { advanceCloudClock, consentSelectedProfile, controlApi, newDescriptorPath, readDescriptor, type Descriptor } from './support/local-cloud';
import { signInBrowser, signInWithMfa } from './support/sign-in';

/**
 * Token health end to end in browser mode, against a demo of its own (free ports, its own description file): two
 * consented profiles, then time moved on in the local Microsoft cloud. In the demo SAM Desk keeps the local cloud's
 * time (electron/services/app-clock.ts), so "80 days later" is what a real wait would show: the scheduled check
 * notifies both tokens expiring, the notification opens a profile to Refresh now, the dashboard puts the expiring
 * one first, and one click reconsents it. Later one token goes 91 days unused: Entra refuses it (AADSTS700082) at a
 * Refresh now, it comes first as dead, and its one button (Reconsent) brings it back through a sign-in in a second
 * browser. Then the audit log's filters and exports, the settings form's checks, both themes, and offline.
 */
test.use({ locale: 'en-US', timezoneId: 'Europe/Stockholm', acceptDownloads: true, viewport: { width: 1280, height: 900 } });

const DEMO_PROFILE = 'Contoso Partner (demo)';

/** A second profile for the same partner, made in the editor, keeping its refresh token in this computer's keychain. */
async function createKeychainProfile(page: Page, name: string, cloud: Descriptor, clientSecret: string): Promise<void> {
  await page.getByRole('button', { name: 'New profile' }).click();
  const editor = page.getByTestId('profile-editor');
  await editor.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await editor.getByRole('textbox', { name: 'Partner tenant' }).fill(cloud.tenantDomain);
  await editor.getByRole('textbox', { name: 'Application (client) ID' }).fill(cloud.clientId);
  await editor.getByRole('radio', { name: 'Client secret' }).check();
  await editor.getByRole('textbox', { name: 'Client secret' }).fill(clientSecret);
  await editor.getByRole('radio', { name: "This computer's keychain" }).check();
  await editor.getByRole('radio', { name: 'Any free port' }).check();
  await editor.getByRole('combobox', { name: 'Microsoft cloud' }).selectOption('custom');
  await editor.getByRole('textbox', { name: 'Sign-in host (Entra ID)' }).fill(cloud.endpoints.entra);
  await editor.getByRole('textbox', { name: 'Partner Center API' }).fill(cloud.endpoints.partnerCenter);
  await editor.getByRole('textbox', { name: 'Key Vault suffix' }).fill(new URL(cloud.endpoints.keyVault).host);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('profiles-notice')).toContainText(`${name} was saved.`);
}

/** Opens a profile's health page from its dashboard row by keyboard, and presses Refresh now there. */
async function refreshNow(page: Page, row: Locator): Promise<Locator> {
  await row.getByTestId('health-open').focus();
  await page.keyboard.press('Enter');
  const details = page.getByTestId('health-profile');
  await expect(details.getByRole('heading', { level: 3 })).toBeFocused();
  const button = details.getByRole('button', { name: 'Refresh now' });
  await button.click();
  // The button says "Refreshing…" while main redeems the token and checks again.
  await expect(button).toBeEnabled({ timeout: 20_000 });
  return details;
}

test('the dashboard puts the profile that needs a reconsent first, and one click reconsents it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const descriptorPath = newDescriptorPath();
  const demo = await launchApp('scripts/demo.ts', { args: ['--ports=any'], env: { SAM_DESK_LOCAL_CLOUD: descriptorPath } });
  const control = await controlApi(readDescriptor(descriptorPath).endpoints.control);
  let relaunched: Awaited<ReturnType<typeof launchApp>> | null = null;
  try {
    const cloud = readDescriptor(descriptorPath);
    const { clientSecret } = (await (await control.get('/app/secret')).json()) as { clientSecret: string };
    const second = `E2E health ${Date.now().toString(36)}`;
    await page.goto(demo.app.url);

    // The section sits right after the token inspector.
    const tabs = page.getByRole('navigation', { name: 'Sections' }).getByRole('tab');
    await expect(tabs).toHaveCount(4);
    for (const [index, name] of ['Token inspector', 'Token health', 'Connection profiles', 'Customers'].entries()) await expect(tabs.nth(index)).toHaveAccessibleName(name);

    // Settings first, checked in the form: a bad value names its field; then the scheduled check goes off, so no
    // background check runs between the steps below.
    await page.getByRole('tab', { name: 'Token health' }).click();
    await expect(page.getByRole('heading', { name: 'Token health', level: 2 })).toBeVisible();
    await page.getByRole('tab', { name: 'Settings' }).click();
    const settings = page.getByTestId('health-settings');
    const interval = settings.getByRole('spinbutton', { name: 'Hours between checks' });
    await interval.fill('0');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByText('Hours between checks: enter a whole number from 1 to 336.')).toBeVisible();
    await expect(interval).toBeFocused();
    await expect(settings.getByTestId('health-settings-result')).toHaveAttribute('data-state', 'invalid');
    await interval.fill('24');
    // After each new Key Vault version, the older ones beyond this many are disabled.
    await expect(settings.getByRole('spinbutton', { name: 'Key Vault versions kept enabled' })).toHaveValue('2');
    await settings.getByRole('switch', { name: 'Check on a schedule' }).uncheck();
    // Without proving the grant at checks, a check never redeems: the calendar alone moves the tokens below.
    await settings.getByRole('switch', { name: 'Prove the grant at checks' }).uncheck();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByTestId('health-settings-result')).toHaveAttribute('data-state', 'saved');

    // Two consented profiles: the demo's (Key Vault and keychain) and one made in the editor (keychain only).
    const signIn = await signInBrowser(browser);
    await page.getByRole('tab', { name: 'Connection profiles' }).click();
    await page.getByTestId('profile-item').filter({ hasText: DEMO_PROFILE }).click();
    await consentSelectedProfile(page, signIn);
    await createKeychainProfile(page, second, cloud, clientSecret);
    await consentSelectedProfile(page, signIn);

    // Consented but not checked yet: nothing is known beyond the consent, so each row offers Check now.
    await page.getByRole('tab', { name: 'Token health' }).click();
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    const rows = page.getByTestId('health-row');
    await expect(rows).toHaveCount(2);
    const demoRow = rows.filter({ hasText: DEMO_PROFILE });
    const secondRow = rows.filter({ hasText: second });
    const demoId = (await demoRow.getAttribute('data-profile-id')) ?? '';
    await expect(demoRow).toHaveAttribute('data-state', 'unknown');
    await expect(demoRow.getByTestId('health-action')).toHaveText('Check now');

    // Check all: progress in a live region, then every profile healthy with all 90 of its days left.
    await page.getByRole('button', { name: 'Check all' }).click();
    const status = page.getByTestId('health-check-all-status');
    await expect(status).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    await expect(status).toHaveText('Checked 2 profiles.');
    await expect(status).toHaveAttribute('role', 'status');
    for (const row of [demoRow, secondRow]) {
      await expect(row).toHaveAttribute('data-state', 'healthy');
      await expect(row.getByTestId('health-days-left')).toHaveText('90');
      await expect(row.getByTestId('health-mfa')).toHaveText('Yes');
      // One time per row: how old its picture is.
      await expect(row.getByTestId('health-as-of')).toHaveText(/ago|now/);
    }
    await expect(demoRow.getByTestId('health-key-vault-in-sync')).toHaveText('Yes');
    await expect(secondRow.getByTestId('health-key-vault-in-sync')).toHaveText('Not used');
    await page.screenshot({ path: test.info().outputPath('health-dashboard-healthy-light.png'), fullPage: true, animations: 'disabled' });

    // 80 days later in the cloud, and so in SAM Desk: in the demo the app keeps the local cloud's time. Turning the
    // schedule on runs the check that is now due; both tokens have 10 days left (whole days, counted up), and a notification says so for each.
    await advanceCloudClock(control, 80);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await settings.getByRole('switch', { name: 'Check on a schedule' }).check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByTestId('health-settings-result')).toHaveAttribute('data-state', 'saved');
    const notifications = page.getByTestId('health-notification');
    await expect(notifications).toHaveCount(2, { timeout: 30_000 });
    const secondNotice = notifications.filter({ hasText: `${second}: token expiring in 10 days` });
    await expect(secondNotice).toHaveAttribute('data-state', 'expiring');
    await expect(notifications.filter({ hasText: `${DEMO_PROFILE}: token expiring in 10 days` })).toHaveAttribute('data-profile-id', demoId);
    // The schedule goes off again, so no background check runs between the steps below.
    await settings.getByRole('switch', { name: 'Check on a schedule' }).uncheck();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByTestId('health-settings-result')).toHaveAttribute('data-state', 'saved');

    // The second profile's notification opens its page; Refresh now there uses the token, which restarts its 90 days.
    await secondNotice.getByTestId('health-notification-open').click();
    await expect(secondNotice).toHaveCount(0);
    const secondPage = page.getByTestId('health-profile');
    await expect(secondPage.getByRole('heading', { level: 3 })).toHaveText(second);
    const refreshButton = secondPage.getByRole('button', { name: 'Refresh now' });
    await refreshButton.click();
    await expect(refreshButton).toBeEnabled({ timeout: 20_000 });
    await expect(secondPage).toHaveAttribute('data-state', 'healthy');
    await expect(secondPage.getByTestId('health-timeline-event').first()).toHaveAttribute('data-kind', 'health-check');
    await expect(secondPage.getByTestId('health-timeline-event').filter({ hasText: 'Rotation' })).toHaveCount(1);
    await secondPage.getByRole('button', { name: 'All profiles' }).click();

    // The dashboard puts the expiring profile first. Its next action is Refresh now; one click beside it reconsents.
    await expect(rows.first()).toContainText(DEMO_PROFILE);
    await expect(rows.first()).toHaveAttribute('data-state', 'expiring');
    await expect(rows.first().getByTestId('health-state')).toHaveText('Expiring');
    await expect(rows.first().getByTestId('health-days-left')).toHaveText('10');
    await expect(rows.first().getByTestId('health-action')).toHaveText('Refresh now');
    await expect(rows.nth(1)).toHaveAttribute('data-state', 'healthy');
    await expect(rows.nth(1).getByTestId('health-days-left')).toHaveText('90');
    await expect(rows.nth(1).getByTestId('health-row-reconsent')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('health-dashboard-expiring-first-light.png'), fullPage: true, animations: 'disabled' });
    await rows.first().getByTestId('health-row-reconsent').click();
    const expiringPage = page.getByTestId('health-profile');
    const expiringLink = expiringPage.getByTestId('sign-in-link');
    await expect(expiringLink).toBeVisible();
    await signInWithMfa(signIn, (await expiringLink.getAttribute('href')) ?? '');
    await expect(expiringPage.getByTestId('consent-result')).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
    await expect(expiringPage).toHaveAttribute('data-state', 'healthy');
    await expiringPage.getByRole('button', { name: 'All profiles' }).click();
    await expect(demoRow).toHaveAttribute('data-state', 'healthy');
    await expect(demoRow.getByTestId('health-days-left')).toHaveText('90');
    // The demo profile's notification is still there until dismissed.
    await notifications.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notifications).toHaveCount(0);

    // Another 80 days on the second profile is used again; 11 days after that, the demo profile's token has gone 91
    // days without use.
    await advanceCloudClock(control, 80);
    await refreshNow(page, secondRow);
    await page.getByRole('button', { name: 'All profiles' }).click();
    await expect(secondRow.getByTestId('health-open')).toBeFocused();
    await advanceCloudClock(control, 11);

    // Refresh now on the demo profile: Entra refuses the token for good, and the page says so with the remedy.
    const demoPage = await refreshNow(page, demoRow);
    await expect(demoPage).toHaveAttribute('data-state', 'dead');
    await expect(demoPage.getByTestId('health-reasons').locator('[data-reason="token-dead"]')).toContainText('refresh-token-expired');
    await expect(demoPage.getByTestId('sam-error')).toHaveAttribute('data-code', 'refresh-token-expired');
    await expect(demoPage.getByTestId('health-versions').getByTestId('health-version').first()).toContainText('SAM Desk');
    await expect(demoPage.getByTestId('health-version-counts')).toHaveText(/^Versions in Key Vault: \d+, of them enabled: [12]\.$/);
    await expect(demoPage.getByTestId('health-facts').locator('[data-fact="lastError"]')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('health-profile-dead-light.png'), fullPage: true, animations: 'disabled' });
    await demoPage.getByRole('button', { name: 'All profiles' }).click();

    // Check all: the profile that needs a reconsent comes first, and its one button is Reconsent.
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(status).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    await expect(rows.first()).toContainText(DEMO_PROFILE);
    await expect(rows.first()).toHaveAttribute('data-state', 'dead');
    await expect(rows.first().getByTestId('health-state')).toHaveText('Dead');
    await expect(rows.nth(1)).toHaveAttribute('data-state', 'healthy');
    const action = rows.first().getByTestId('health-action');
    await expect(action).toHaveText('Reconsent');
    await page.screenshot({ path: test.info().outputPath('health-dashboard-dead-first-light.png'), fullPage: true, animations: 'disabled' });

    // One click: the consent starts and the profile's page opens with the sign-in link to complete it elsewhere.
    await action.click();
    const reconsentPage = page.getByTestId('health-profile');
    const link = reconsentPage.getByTestId('sign-in-link');
    await expect(link).toBeVisible();
    await expect(reconsentPage.getByRole('button', { name: 'Copy sign-in link' })).toBeVisible();
    await signInWithMfa(signIn, (await link.getAttribute('href')) ?? '');
    await expect(reconsentPage.getByTestId('consent-result')).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
    await expect(reconsentPage).toHaveAttribute('data-state', 'healthy');
    await expect(reconsentPage.getByTestId('health-timeline-event').filter({ hasText: 'Reconsent' }).first()).toHaveAttribute('data-outcome', 'ok');
    await reconsentPage.getByRole('button', { name: 'All profiles' }).click();
    await expect(demoRow).toHaveAttribute('data-state', 'healthy');
    await expect(demoRow.getByTestId('health-action-none')).toHaveText('Nothing to do');
    await signIn.context().close();

    // The audit log: filtered to the demo profile's failures, then its reconsent; both exports hold what is shown.
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const audit = page.getByTestId('audit-log');
    await audit.getByRole('combobox', { name: 'Profile' }).selectOption({ label: DEMO_PROFILE });
    await audit.getByRole('combobox', { name: 'Event' }).selectOption({ label: 'Failure' });
    const count = audit.getByTestId('audit-count');
    await expect(count).toHaveAttribute('data-shown', '1');
    const table = audit.getByRole('grid', { name: 'Audit log events' });
    await expect(table.getByTestId('audit-table-row').first()).toContainText('refresh-token-expired');
    await audit.getByRole('combobox', { name: 'Event' }).selectOption({ label: 'Reconsent' });
    await audit.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Succeeded' });
    // Two: the one from the expiring row on day 80, and the one from the dead row on day 171.
    await expect(count).toHaveAttribute('data-shown', '2');
    const jsonl = page.waitForEvent('download');
    await audit.getByRole('button', { name: 'Export JSON Lines' }).click();
    const jsonlFile = await jsonl;
    expect(jsonlFile.suggestedFilename()).toMatch(/^sam-desk-audit-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const lines = readFileSync(await jsonlFile.path(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { profileId: string; kind: string; outcome: string });
    const reconsent = expect.objectContaining({ profileId: demoId, kind: 'reconsent', outcome: 'ok' }) as unknown;
    expect(lines).toEqual([reconsent, reconsent]);
    await expect(audit.getByTestId('audit-export-result')).toContainText('Exported 2 events');
    const csv = page.waitForEvent('download');
    await audit.getByRole('button', { name: 'Export CSV' }).click();
    const csvLines = readFileSync(await (await csv).path(), 'utf8').trimEnd().split('\r\n');
    expect(csvLines[0]).toMatch(/^at,profileId,kind,outcome,code/);
    expect(csvLines).toHaveLength(3);
    await audit.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => Number(await count.getAttribute('data-shown'))).toBeGreaterThan(5);
    await page.screenshot({ path: test.info().outputPath('health-audit-light.png'), fullPage: true, animations: 'disabled' });

    // The same views in the dark theme the OS may ask for.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: test.info().outputPath('health-audit-dark.png'), fullPage: true, animations: 'disabled' });
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await page.screenshot({ path: test.info().outputPath('health-dashboard-dark.png'), fullPage: true, animations: 'disabled' });
    await demoRow.getByTestId('health-open').click();
    await page.screenshot({ path: test.info().outputPath('health-profile-dark.png'), fullPage: true, animations: 'disabled' });
    await page.getByRole('button', { name: 'All profiles' }).click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.screenshot({ path: test.info().outputPath('health-settings-dark.png'), fullPage: true, animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'light' });

    // Offline: the local cloud goes away, and SAM Desk started again on the same settings shows the last-known health,
    // dated. A check that cannot reach Key Vault leaves the demo profile unknown, saying what was known and when.
    demo.process.kill('SIGTERM');
    await new Promise((resolve) => demo.process.once('exit', resolve));
    relaunched = await launchApp('electron/browser-mode/launch.ts', { home: demo.home, env: { SAM_DESK_LOCAL_CLOUD: descriptorPath } });
    await page.goto(relaunched.app.url);
    await page.getByRole('tab', { name: 'Token health' }).click();
    await expect(rows).toHaveCount(2);
    await expect(demoRow).toHaveAttribute('data-state', 'healthy');
    await expect(demoRow.getByTestId('health-as-of')).toHaveText(/ago|now/);
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(status).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    await expect(demoRow).toHaveAttribute('data-state', 'unknown');
    await expect(demoRow.getByTestId('health-reason')).toContainText('Microsoft could not be reached at the last check; this is what was known at');
    await expect(demoRow.getByTestId('health-action')).toHaveText('Check now');
    await page.screenshot({ path: test.info().outputPath('health-dashboard-offline-light.png'), fullPage: true, animations: 'disabled' });
  } finally {
    await control.dispose();
    relaunched?.process.kill('SIGTERM');
    if (demo.process.exitCode === null && demo.process.signalCode === null) {
      demo.process.kill('SIGTERM');
      await new Promise((resolve) => demo.process.once('exit', resolve));
    }
  }
});
