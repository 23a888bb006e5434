import { expect, test } from '@playwright/test';
import { launchApp } from './support/launch-app';

/**
 * The browser-mode launch link as a person (and another local user) meets it: the address the launcher prints and
 * hands to the opener works once; the session key the page gets for it is in no URL and not in the terminal.
 */
const STORAGE_KEY = 'sam-desk.browser-mode-key';

test('the printed link opens SAM Desk once; the session key stays in the page', async ({ browser }) => {
  const { app, process: child } = await launchApp('electron/browser-mode/launch.ts');
  try {
    const admin = await browser.newContext({ locale: 'en-US' });
    const page = await admin.newPage();
    const requested: string[] = [];
    admin.on('request', (request) => requested.push(request.url()));
    await page.goto(app.url);
    const heading = page.getByRole('heading', { name: 'Token inspector', level: 2 });
    await expect(heading).toBeVisible();
    await expect(page).toHaveURL(`${app.origin}/`);
    const key = (await page.evaluate((name) => sessionStorage.getItem(name), STORAGE_KEY)) ?? '';
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.reload();
    await expect(heading).toBeVisible();

    // Someone else who read the link (from `ps`, or a terminal log) after the page used it: refused.
    const other = await browser.newContext({ locale: 'en-US' });
    other.on('request', (request) => requested.push(request.url()));
    const intruder = await other.newPage();
    await intruder.goto(app.url);
    await expect(intruder.getByRole('alert')).toContainText('no valid launch link');
    await expect(intruder.getByRole('heading', { name: 'Token inspector', level: 2 })).toHaveCount(0);

    // Enter in the terminal prints a new link, which works (once) in a new tab.
    const fresh = await app.newLaunchUrl();
    expect(fresh).not.toBe(app.url);
    const second = await admin.newPage();
    await second.goto(fresh);
    await expect(second.getByRole('heading', { name: 'Token inspector', level: 2 })).toBeVisible();
    const secondKey = (await second.evaluate((name) => sessionStorage.getItem(name), STORAGE_KEY)) ?? '';
    expect(secondKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secondKey).not.toBe(key);

    for (const sessionKey of [key, secondKey]) {
      expect(app.output()).not.toContain(sessionKey);
      expect(requested.filter((url) => url.includes(sessionKey))).toEqual([]);
    }
    await admin.close();
    await other.close();
  } finally {
    child.kill('SIGTERM');
  }
});
