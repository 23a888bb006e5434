import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp } from './support/launch-app';
import { signInBrowser, signInWithMfa } from './support/sign-in';

/**
 * Customers and users end to end in browser mode: the demo profile consents with MFA, its customers and a customer's
 * users stream in from the Partner Center emulator, the table is searched, filtered, sorted and exported; then the
 * local cloud is stopped and the app, relaunched on the same settings folder, shows the saved data marked offline.
 * This spec runs its own demo (on free ports, with its own description file) so that it can stop it.
 */
test.use({ locale: 'en-US', timezoneId: 'Europe/Stockholm', acceptDownloads: true });

const DEMO_PROFILE = 'Contoso Partner (demo)';
/** The rows a virtualized table may put in the DOM, however long the list. */
const MAX_DOM_ROWS = 100;

async function consentDemoProfile(page: Page, signIn: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Connection profiles' }).click();
  await page.getByTestId('profile-item').filter({ hasText: DEMO_PROFILE }).click();
  const consentPanel = page.getByTestId('consent-panel');
  await consentPanel.getByRole('checkbox', { name: 'Open the sign-in page in my browser' }).uncheck();
  await consentPanel.getByRole('button', { name: 'Consent', exact: true }).click();
  const link = consentPanel.getByTestId('sign-in-link');
  await expect(link).toBeVisible();
  await signInWithMfa(signIn, (await link.getAttribute('href')) ?? '');
  await expect(consentPanel.getByTestId('consent-result')).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
}

test('customers and users load, are searched, filtered, sorted and exported, and stay readable offline after a relaunch', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const descriptor = join(mkdtempSync(join(tmpdir(), 'sam-desk-e2e-cloud-')), 'local-cloud.json');
  const demo = await launchApp('scripts/demo.ts', { args: ['--ports=any'], env: { SAM_DESK_LOCAL_CLOUD: descriptor } });
  let relaunched: Awaited<ReturnType<typeof launchApp>> | null = null;
  try {
    await page.goto(demo.app.url);
    const signIn = await signInBrowser(browser);
    await consentDemoProfile(page, signIn);
    await signIn.context().close();

    // Customers: they stream in, and the count settles at the demo's 300.
    await page.getByRole('tab', { name: 'Customers' }).click();
    await expect(page.getByRole('heading', { name: 'Customers', level: 2 })).toBeVisible();
    await expect(page.getByTestId('customers-profile')).toHaveValue(/.+/);
    const status = page.getByTestId('customers-status');
    await expect(status).toHaveAttribute('data-source', 'live', { timeout: 20_000 });
    await expect(status.getByTestId('customers-status-as-of')).toContainText('Read from Partner Center');
    const count = page.getByTestId('customers-count');
    await expect(count).toHaveAttribute('data-total', '300');
    await expect(count).toHaveAttribute('data-shown', '300');
    const table = page.getByRole('grid', { name: `Customers of ${DEMO_PROFILE}` });
    await expect(table).toHaveAttribute('aria-rowcount', '301');
    const rows = page.getByTestId('customers-table-row');
    expect(await rows.count()).toBeLessThanOrEqual(MAX_DOM_ROWS);
    await page.screenshot({ path: test.info().outputPath('customers.png') });

    // Search by a domain fragment finds exactly that customer; the relationship filter narrows the list.
    const firstDomain = (await rows.first().getByRole('gridcell').nth(1).innerText()).trim();
    const firstName = (await rows.first().getByRole('gridcell').nth(0).innerText()).trim();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(firstDomain);
    await expect(count).toHaveAttribute('data-shown', '1');
    await expect(rows.first()).toContainText(firstName);
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('');
    await page.getByTestId('customers-relationship').selectOption('advisor');
    const advisors = Number(await count.getAttribute('data-shown'));
    expect(advisors).toBeGreaterThan(0);
    expect(advisors).toBeLessThan(300);
    for (const cell of await rows.getByRole('gridcell').filter({ hasText: /^(Reseller|Advisor)$/ }).all()) await expect(cell).toHaveText('Advisor');

    // Export what is shown: the advisors only, as CSV with a header.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('customers-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^customers-Contoso-Partner-demo-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv[0]).toBe('Name,Domain,Tenant ID,Relationship');
    expect(csv).toHaveLength(advisors + 1);
    expect(csv.slice(1).every((line) => line.endsWith(',advisor'))).toBe(true);
    await page.getByTestId('customers-relationship').selectOption('');

    // Sort by name, descending, from the column header.
    const nameHeader = table.getByRole('columnheader', { name: 'Name' });
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    const lastName = (await rows.first().getByRole('gridcell').nth(0).innerText()).trim();
    expect(lastName.localeCompare(firstName, 'en', { sensitivity: 'base', numeric: true })).toBeGreaterThanOrEqual(0);

    // Open a customer: its users, active and deleted, with the state filter.
    const customerName = lastName;
    await rows.first().getByRole('button', { name: `Users of ${customerName}` }).click();
    const users = page.getByTestId('customer-users');
    await expect(users.getByRole('heading', { name: `Users of ${customerName}` })).toBeFocused();
    await expect(page.getByTestId('users-status')).toHaveAttribute('data-source', 'live', { timeout: 20_000 });
    const usersCount = page.getByTestId('users-count');
    const allUsers = Number(await usersCount.getAttribute('data-total'));
    expect(allUsers).toBeGreaterThan(0);
    await page.getByTestId('users-state').selectOption('active');
    const active = Number(await usersCount.getAttribute('data-shown'));
    await page.getByTestId('users-state').selectOption('deleted');
    await expect(usersCount).toHaveAttribute('data-shown', String(allUsers - active));
    await page.getByTestId('users-state').selectOption('all');
    await page.screenshot({ path: test.info().outputPath('users.png') });

    // The local cloud goes away; the app, started again on the same settings, shows what it saw, marked offline.
    demo.process.kill('SIGTERM');
    await new Promise((resolve) => demo.process.once('exit', resolve));
    relaunched = await launchApp('electron/browser-mode/launch.ts', { home: demo.home });
    await page.goto(relaunched.app.url);
    await page.getByRole('tab', { name: 'Customers' }).click();
    await expect(count).toHaveAttribute('data-total', '300');
    await expect(status).toHaveAttribute('data-offline', 'true', { timeout: 20_000 });
    await expect(status.getByTestId('customers-status-offline')).toHaveText('Offline');
    await expect(status.getByTestId('customers-status-as-of')).toContainText('Offline: showing the saved copy from');
    await expect(page.getByTestId('sam-error')).toHaveAttribute('data-code', 'network');
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(customerName);
    await rows.first().getByRole('button', { name: `Users of ${customerName}` }).click();
    await expect(usersCount).toHaveAttribute('data-total', String(allUsers));
    await expect(page.getByTestId('users-status')).toHaveAttribute('data-offline', 'true', { timeout: 20_000 });
    await page.screenshot({ path: test.info().outputPath('users-offline.png') });
  } finally {
    relaunched?.process.kill('SIGTERM');
    if (demo.process.exitCode === null) demo.process.kill('SIGTERM');
  }
});
