import { expect, type Browser, type Page } from '@playwright/test';

/** The demo's MFA admin, as `npm run demo` prints it. */
export const ADMIN = 'admin.mfa@contoso-partner.onmicrosoft.com';
const PASSWORD = 'Demo-Pa55word!';
const MFA_CODE = '246810';

/**
 * Signs in on the emulated Entra pages as the MFA admin: password, code, and consent when it is asked for (once per
 * user and app; another test in this worker may already have given it). Ends when the browser is back at the app's
 * loopback listener. Returns whether consent was asked.
 */
export async function signInWithMfa(page: Page, signInUrl: string): Promise<boolean> {
  await page.goto(signInUrl);
  await page.getByLabel('Email, phone, or Skype').fill(ADMIN);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code').fill(MFA_CODE);
  await page.getByRole('button', { name: 'Verify' }).click();
  const backAtApp = /^http:\/\/localhost:\d+\/\?/;
  const permissions = page.getByRole('heading', { name: 'Permissions requested' });
  await expect.poll(async () => backAtApp.test(page.url()) || (await permissions.isVisible()), { timeout: 15_000 }).toBe(true);
  if (backAtApp.test(page.url())) return false;
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.waitForURL(backAtApp);
  return true;
}

/** A browser the admin signs in with: not the app's page, and it does not know the local cloud's certificate. */
export async function signInBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-US' });
  return context.newPage();
}
