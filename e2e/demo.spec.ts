import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/demo';

/** The demo a new user runs first: the app against the local Microsoft cloud, and its sign-in pages in a browser. */
interface Descriptor {
  endpoints: { entra: string };
  tenantId: string;
  clientId: string;
}
const descriptor = (): Descriptor => JSON.parse(readFileSync(fileURLToPath(new URL('../.emulators/local-cloud.json', import.meta.url)), 'utf8')) as Descriptor;

test('the demo runs the app against the local Microsoft cloud', async ({ page, demo }) => {
  expect(demo.output()).toContain('The local Microsoft cloud is running');
  await page.goto(demo.url);
  await expect(page.getByTestId('cloud')).toHaveText('Local Microsoft cloud (demo)');
});

test.describe('the emulated sign-in in a real browser', () => {
  // The browser does not know the local certificate; Node clients trust it through NODE_EXTRA_CA_CERTS.
  test.use({ ignoreHTTPSErrors: true, locale: 'en-US' });

  test('an admin signs in with password and MFA code, consents, and the app gets a code', async ({ page, demo }) => {
    // The demo made its ready profile before the app started.
    expect(demo.output()).toMatch(/Demo profile "Contoso Partner \(demo\)" (created|ready)/);
    const { endpoints, tenantId, clientId } = descriptor();
    const redirectUri = 'http://localhost:53999/';
    let redirectedTo: URL | null = null;
    await page.route('http://localhost:53999/**', async (route) => {
      redirectedTo = new URL(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>done</title>Signed in' });
    });
    const authorize = new URL(`${endpoints.entra}/${tenantId}/oauth2/v2.0/authorize`);
    authorize.search = new URLSearchParams({ client_id: clientId, response_type: 'code', redirect_uri: redirectUri, scope: 'https://api.partnercenter.microsoft.com/user_impersonation offline_access openid', state: 'e2e', prompt: 'login' }).toString();
    await page.goto(authorize.toString());
    await page.getByLabel('Email, phone, or Skype').fill('admin.mfa@contoso-partner.onmicrosoft.com');
    await page.getByLabel('Password').fill('Demo-Pa55word!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code').fill('246810');
    await page.getByLabel('Code').press('Enter');
    await expect(page.getByRole('heading', { name: 'Permissions requested' })).toBeVisible();
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect(page).toHaveTitle('done');
    expect(redirectedTo).not.toBeNull();
    const params = (redirectedTo as URL | null)?.searchParams;
    expect(params?.get('state'), params?.toString()).toBe('e2e');
    expect(params?.get('error'), params?.toString()).toBeNull();
    expect(params?.get('code')).toMatch(/^1\.A/);
  });
});
