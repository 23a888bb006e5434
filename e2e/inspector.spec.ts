import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/browser-mode';
import { partnerCenterToken } from './support/make-token';

test.describe('token inspector in browser mode', () => {
  test.use({ locale: 'en-US', timezoneId: 'Europe/Stockholm', colorScheme: 'light' });

  test('decodes a pasted Partner Center token and shows claims and checks', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Token inspector', level: 2 })).toBeVisible();
    await expect(page).not.toHaveURL(/#launch=/);
    await expect(page.getByTestId('mode')).toHaveText('Browser mode');

    await page.getByLabel('Token', { exact: true }).fill(`Bearer ${partnerCenterToken()}`);
    await expect(page.getByTestId('token-kind')).toHaveText('JWT');
    const summary = page.getByTestId('summary');
    await expect(summary.locator('[data-field="user"] dd')).toContainText('asa.oberg@contoso-partner.onmicrosoft.com');
    await expect(summary.locator('[data-field="tenantId"] dd')).toContainText('6f2b3c1a-0d4e-4f5a-9b8c-7d6e5f4a3b2c');
    await expect(summary.locator('[data-field="mfa"] dd')).toContainText('Yes');
    await expect(page.getByTestId('countdown')).toContainText(/Expires in (59|60) minutes/);

    const checks = page.getByTestId('checks');
    await expect(checks.locator('[data-check="mfa"]')).toHaveAttribute('data-status', 'pass');
    await expect(checks.locator('[data-check="audience-partner-center"]')).toHaveAttribute('data-status', 'pass');
    await expect(checks.locator('[data-check="scope-user-impersonation"]')).toHaveAttribute('data-status', 'pass');
    await expect(checks.locator('[data-check="expired"]')).toHaveAttribute('data-status', 'pass');
    await expect(checks.locator('[data-check="signature"]')).toHaveAttribute('data-status', 'info');

    const claims = page.getByTestId('claims');
    await expect(claims.locator('[data-claim="name"]')).toContainText('Åsa Öberg');
    await expect(claims.locator('[data-claim="amr"]')).toContainText('mfa');
    await expect(claims.locator('[data-claim="amr"] td').nth(2)).not.toBeEmpty();
    await expect(page.getByTestId('raw-payload')).toContainText('"upn": "asa.oberg@contoso-partner.onmicrosoft.com"');

    // The README's picture: refreshed on request (npm run screenshot) so a test run leaves the checkout as it was.
    const folder = process.env.SAM_DESK_UPDATE_SCREENSHOT === '1' ? '../docs/' : '../test-results/';
    const directory = fileURLToPath(new URL(folder, import.meta.url));
    mkdirSync(directory, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: `${directory}screenshot.png`, fullPage: false });
  });

  test('flags a token without MFA that has expired, and an opaque refresh token', async ({ page, app }) => {
    await page.goto(app.url);
    const input = page.getByLabel('Token', { exact: true });
    const now = Math.floor(Date.now() / 1000);
    await input.fill(`"${partnerCenterToken({ amr: ['pwd'], exp: now - 3 * 86_400, iat: now - 4 * 86_400, nbf: now - 4 * 86_400 })}"`);
    const checks = page.getByTestId('checks');
    await expect(checks.locator('[data-check="mfa"]')).toHaveAttribute('data-status', 'fail');
    await expect(checks.locator('[data-check="mfa"]')).toContainText('900421');
    await expect(checks.locator('[data-check="expired"]')).toHaveAttribute('data-status', 'fail');
    await expect(page.getByTestId('countdown')).toContainText('Expired 3 days ago');

    await input.fill('0.AXoAe1f2G3h4I5j6K7l8M9n0OpQrStUvWxYz-AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf');
    await expect(page.getByTestId('token-kind')).toHaveText('Opaque');
    await expect(page.getByTestId('problem')).toBeVisible();
    await expect(page.getByTestId('checks')).toHaveCount(0);
  });

  test('reads a token from a redirect URL fragment', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByLabel('Token', { exact: true }).fill(`https://localhost:8400/#id_token=${partnerCenterToken({ aud: '3c1f2e4d-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })}&state=abc`);
    await expect(page.getByTestId('token-kind')).toHaveText('JWT');
    await expect(page.getByTestId('checks').locator('[data-check="audience-partner-center"]')).toHaveAttribute('data-status', 'warn');
  });

  test('shows a direction override and a zero-width space in aud and upn visibly, and fails the token for them', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByLabel('Token', { exact: true }).fill(partnerCenterToken({ aud: 'https://api.partnercenter.microsoft.com\u202e', upn: 'asa.oberg\u200b@contoso-partner.onmicrosoft.com' }));
    const hidden = page.getByTestId('checks').locator('[data-check="hidden-characters"]');
    await expect(hidden).toHaveAttribute('data-status', 'fail');
    await expect(hidden).toContainText('aud, upn');
    const summary = page.getByTestId('summary');
    await expect(summary.locator('[data-field="user"] dd')).toContainText('asa.oberg\\u200b@contoso-partner.onmicrosoft.com');
    await expect(summary.locator('[data-field="audience"] dd')).toContainText('https://api.partnercenter.microsoft.com\\u202e');
    await expect(page.getByTestId('claims').locator('[data-claim="aud"]')).toContainText('\\u202e');
    await expect(page.getByTestId('raw-payload')).toContainText('\\u200b@contoso');
    // Nowhere on the page does the raw character reach the reader.
    expect(await page.getByTestId('results').innerText()).not.toMatch(/[\u200b\u202e]/);
  });

  test('works with the network blocked: nothing leaves the machine', async ({ page, app }) => {
    const leaks: string[] = [];
    await page.context().route('**/*', async (route) => {
      if (new URL(route.request().url()).origin === app.origin) return route.continue();
      leaks.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.goto(app.url);
    await page.getByLabel('Token', { exact: true }).fill(partnerCenterToken());
    await expect(page.getByTestId('checks').locator('[data-check="mfa"]')).toHaveAttribute('data-status', 'pass');
    await expect(page.getByTestId('claims').locator('[data-claim="name"]')).toContainText('Åsa Öberg');
    expect(leaks).toEqual([]);
  });

  test('is usable from the keyboard alone', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Token inspector', level: 2 })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Token', { exact: true })).toBeFocused();
    await page.keyboard.insertText(partnerCenterToken());
    await expect(page.getByTestId('token-kind')).toHaveText('JWT');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Clear' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Token', { exact: true })).toHaveValue('');
  });
});

test.describe('language and theme', () => {
  test.use({ locale: 'sv-SE', colorScheme: 'dark' });

  test('follows a Swedish OS locale and a dark OS theme, and can switch to English', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Tokengranskare', level: 2 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await page.getByLabel('Token', { exact: true }).fill(partnerCenterToken({ amr: ['pwd'] }));
    await expect(page.getByRole('heading', { name: 'Kontroller' })).toBeVisible();
    await expect(page.getByTestId('checks').locator('[data-check="mfa"]')).toContainText('Underkänd');
    await expect(page.getByRole('columnheader', { name: 'Vad det betyder' })).toBeVisible();

    const background = await page.locator('.fui-FluentProvider').first().evaluate((element) => getComputedStyle(element).backgroundColor);
    const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red + green + blue).toBeLessThan(200);

    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'Token inspector', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  });
});
