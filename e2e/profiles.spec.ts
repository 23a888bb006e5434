import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request as apiRequest, type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/demo';
import { ADMIN, signInBrowser, signInWithMfa } from './support/sign-in';

/**
 * Connection profiles and consent end to end, in browser mode against the local Microsoft cloud: a profile made in
 * the editor, a consent whose sign-in link is opened in a separate browser (as an admin would paste it into another
 * browser profile), the refresh token saved to Key Vault and the keychain, and a one-click reconsent.
 */
interface Descriptor {
  endpoints: { entra: string; keyVault: string; partnerCenter: string; control: string };
  tenantId: string;
  tenantDomain: string;
  clientId: string;
}
// Read when the test runs: the demo writes it on start, with other ports when the usual ones are taken.
const descriptor = (): Descriptor => JSON.parse(readFileSync(fileURLToPath(new URL('../.emulators/local-cloud.json', import.meta.url)), 'utf8')) as Descriptor;

/** The emulator's control API (not part of Microsoft's surface): the app's secret, Key Vault secret versions. */
async function controlApi(baseURL: string): Promise<APIRequestContext> {
  // A fresh connection per call: the server drops idle keep-alive sockets after 5 s, which a reused one can race.
  return apiRequest.newContext({ baseURL, ignoreHTTPSErrors: true, extraHTTPHeaders: { 'x-emulator-control': '1', connection: 'close' } });
}

async function secretVersions(control: APIRequestContext, name: string): Promise<number> {
  const response = await control.get(`/keyvault/secrets/${encodeURIComponent(name)}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { versions: number }).versions;
}

test.describe('connection profiles and consent in browser mode', () => {
  test.use({ locale: 'en-US', timezoneId: 'Europe/Stockholm' });

  test('creates a profile, consents with MFA into Key Vault and the keychain, and reconsents in one click', async ({ page, demo, browser }) => {
    test.setTimeout(90_000);
    const { endpoints, clientId, tenantId, tenantDomain } = descriptor();
    const control = await controlApi(endpoints.control);
    const secretResponse = await control.get('/app/secret');
    expect(secretResponse.ok()).toBe(true);
    const { clientSecret } = (await secretResponse.json()) as { clientSecret: string };
    // Unique per run: the demo (and its Key Vault) is shared by the tests of this worker.
    const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const profileName = `E2E consent ${unique}`;
    const secretName = `E2E-RefreshToken-${unique}`;
    expect(await secretVersions(control, secretName)).toBe(0);

    await page.goto(demo.url);
    await page.getByRole('tab', { name: 'Connection profiles' }).click();
    await expect(page.getByRole('tab', { name: 'Connection profiles' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Connection profiles', level: 2 })).toBeVisible();

    // The editor: every field through its label.
    await page.getByRole('button', { name: 'New profile' }).click();
    const editor = page.getByTestId('profile-editor');
    await expect(editor.getByRole('heading', { name: 'New connection profile' })).toBeVisible();
    // Saving an empty form names the fields to fix, checked in the window before anything is sent.
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('editor-errors')).toBeVisible();
    await expect(editor.getByTestId('error-displayName')).toContainText('Name: enter a name');
    await expect(editor.getByTestId('error-clientSecret')).toContainText('Client secret:');

    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill(profileName);
    await expect(editor.getByTestId('error-displayName')).toHaveCount(0);
    await editor.getByRole('textbox', { name: 'Partner tenant' }).fill(tenantDomain);
    await editor.getByRole('textbox', { name: 'Application (client) ID' }).fill(clientId);
    await editor.getByRole('radio', { name: 'Client secret' }).check();
    await editor.getByRole('textbox', { name: 'Client secret' }).fill(clientSecret);
    await editor.getByRole('radio', { name: 'Both' }).check();
    await editor.getByRole('textbox', { name: 'Key Vault URL' }).fill(endpoints.keyVault);
    await editor.getByRole('textbox', { name: 'Secret name' }).fill(secretName);
    await editor.getByRole('radio', { name: "The app's own credential" }).check();
    await editor.getByRole('radio', { name: 'Any free port' }).check();
    await editor.getByRole('combobox', { name: 'Microsoft cloud' }).selectOption('custom');
    await editor.getByRole('textbox', { name: 'Sign-in host (Entra ID)' }).fill(endpoints.entra);
    await editor.getByRole('textbox', { name: 'Partner Center API' }).fill(endpoints.partnerCenter);
    await editor.getByRole('textbox', { name: 'Key Vault suffix' }).fill(new URL(endpoints.keyVault).host);
    await editor.getByRole('button', { name: 'Save' }).click();

    // Saved: the domain was looked up in the local cloud's Entra, the secret went to the keychain.
    await expect(page.getByTestId('profiles-notice')).toContainText(`${profileName} was saved.`);
    const item = page.getByTestId('profile-item').filter({ hasText: profileName });
    await expect(item).toHaveAttribute('aria-current', 'true');
    await expect(item).toContainText(tenantId);
    await expect(item.getByTestId('badge-client-secret')).toHaveAttribute('data-value', 'true');
    await expect(item.getByTestId('badge-refresh-token')).toHaveAttribute('data-value', 'false');
    const details = page.getByTestId('profile-details');
    await expect(details.getByRole('heading', { name: profileName })).toBeVisible();
    await expect(details.locator('[data-field="tenantId"] dd')).toHaveText(tenantId);

    // Consent, with the link copied into another browser instead of opening one here.
    const consentPanel = page.getByTestId('consent-panel');
    const openBrowser = consentPanel.getByRole('checkbox', { name: 'Open the sign-in page in my browser' });
    await expect(openBrowser).toBeChecked();
    await openBrowser.uncheck();
    const started = Date.now();
    await consentPanel.getByRole('button', { name: 'Consent', exact: true }).click();
    const link = consentPanel.getByTestId('sign-in-link');
    await expect(link).toBeVisible();
    await expect(consentPanel.getByRole('button', { name: 'Copy sign-in link' })).toBeVisible();
    await expect(consentPanel.locator('[data-step="waiting-for-sign-in"]')).toHaveAttribute('data-state', 'active');
    await expect(consentPanel.locator('[data-step="saving-to-key-vault"]')).toHaveAttribute('data-state', 'pending');
    const firstLink = await link.getAttribute('href');
    expect(firstLink).toContain(`${endpoints.entra}/`);
    expect(firstLink).toContain('prompt=login');

    const admin = await signInBrowser(browser);
    const consentAsked = await signInWithMfa(admin, firstLink ?? '');
    const result = consentPanel.getByTestId('consent-result');
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
    const firstConsentMs = Date.now() - started;
    await expect(result.getByTestId('store-key-vault')).toHaveAttribute('data-status', 'saved');
    await expect(result.getByTestId('store-keychain')).toHaveAttribute('data-status', 'saved');
    await expect(result.locator('[data-field="user"] dd')).toHaveText(ADMIN);
    await expect(result.locator('[data-field="tenantId"] dd')).toHaveText(tenantId);
    await expect(result.locator('[data-field="mfa"] dd')).toContainText('Yes');
    await expect(result.locator('[data-field="scopes"] dd')).toContainText('user_impersonation');
    await expect(consentPanel.getByTestId('sign-in-link')).toHaveCount(0);
    await expect(item.getByTestId('badge-refresh-token')).toHaveAttribute('data-value', 'true');
    expect(await secretVersions(control, secretName)).toBe(1);

    // Reconsent in one click: a new sign-in (prompt=login asks for the password again, consent is not asked again).
    await consentPanel.getByRole('button', { name: 'Reconsent' }).click();
    await expect(link).toBeVisible();
    const secondLink = await link.getAttribute('href');
    expect(secondLink).not.toBe(firstLink);
    const again = Date.now();
    expect(await signInWithMfa(admin, secondLink ?? '')).toBe(false);
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
    await expect(result.getByTestId('store-key-vault')).toHaveAttribute('data-status', 'saved');
    await expect(result.getByTestId('store-keychain')).toHaveAttribute('data-status', 'saved');
    const reconsentMs = Date.now() - again;
    expect(await secretVersions(control, secretName)).toBe(2);

    // The refresh token works: Get access token redeems the one in Key Vault (the shared truth for this profile) and
    // saves its rotated successor everywhere; a second click reuses the access token SAM Desk holds in memory.
    const tokenPanel = page.getByTestId('token-panel');
    await tokenPanel.getByRole('button', { name: 'Get access token' }).click();
    const token = tokenPanel.getByTestId('token-result');
    await expect(token).toHaveAttribute('data-state', 'succeeded');
    await expect(token.locator('[data-field="refreshedFrom"] dd')).toHaveAttribute('data-value', 'key-vault');
    await expect(token.locator('[data-field="scopes"] dd')).toContainText('user_impersonation');
    await expect(token.getByTestId('store-key-vault')).toHaveAttribute('data-status', 'saved');
    expect(await secretVersions(control, secretName)).toBe(3);
    await tokenPanel.getByRole('button', { name: 'Get access token' }).click();
    await expect(token.locator('[data-field="refreshedFrom"] dd')).toHaveAttribute('data-value', 'memory');

    // Key Vault failing during a reconsent: the token stays in the keychain, and one click writes it to the vault
    // once it answers again (the SDK tries each write three times, so three failures fail one write).
    const fault = await control.post('/faults', { data: { service: 'keyvault', method: 'PUT', path: '/secrets/', count: 3, fault: { type: 'status', status: 503 } } });
    expect(fault.status()).toBe(201);
    await consentPanel.getByRole('button', { name: 'Reconsent' }).click();
    await expect(link).toBeVisible();
    expect(await signInWithMfa(admin, (await link.getAttribute('href')) ?? '')).toBe(false);
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
    await expect(result.getByTestId('store-key-vault')).toHaveAttribute('data-status', 'failed');
    await expect(result.getByTestId('store-keychain')).toHaveAttribute('data-status', 'saved');
    expect(await secretVersions(control, secretName)).toBe(3);
    await result.getByRole('button', { name: 'Retry saving to Key Vault' }).click();
    await expect(result.getByTestId('retry-key-vault-result')).toHaveAttribute('data-status', 'saved');
    expect(await secretVersions(control, secretName)).toBe(4);

    test.info().annotations.push(
      { type: 'consent asked on first sign-in', description: String(consentAsked) },
      { type: 'first consent (click to saved)', description: `${String(firstConsentMs)} ms` },
      { type: 'reconsent (sign-in to saved)', description: `${String(reconsentMs)} ms` },
    );
    // Pointing the profile at another sign-in host asks for the client secret again (the stored one stays bound to
    // where it was entered), before anything is sent.
    await details.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByTestId('profile-editor');
    await expect(edit.getByText('A client secret is stored in the keychain.')).toBeVisible();
    await edit.getByRole('textbox', { name: 'Sign-in host (Entra ID)' }).fill('https://login.attacker.example');
    await expect(edit.getByText('You changed where this profile signs in or which services it calls')).toBeVisible();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByTestId('error-clientSecret')).toContainText('Client secret: you changed where this profile signs in');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alertdialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard' }).click();
    await expect(edit).toHaveCount(0);

    // Deleting asks first, and takes the profile's keychain secrets with it.
    await details.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete ${profileName}?` });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('profiles-notice')).toContainText(`${profileName} was deleted.`);
    await expect(item).toHaveCount(0);

    await admin.context().close();
    await control.dispose();
  });

  test('imports, duplicates, exports, edits and deletes profiles, from a section reached by keyboard', async ({ page, demo }) => {
    const { endpoints, clientId, tenantId } = descriptor();
    const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const name = `E2E import ${unique}`;
    await page.goto(demo.url);

    // The sections are tabs: arrow keys move between them, Enter selects.
    await page.getByRole('tab', { name: 'Token inspector' }).focus();
    await page.keyboard.press('ArrowRight');
    // Token health sits between the inspector and Connection profiles.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Connection profiles', level: 2 })).toBeVisible();

    // Import: each entry reported on its own; secrets in the file are never taken.
    const cloud = { kind: 'custom', authorityHost: endpoints.entra, partnerCenterUrl: endpoints.partnerCenter, keyVaultSuffix: new URL(endpoints.keyVault).host };
    const entry = { displayName: name, tenant: tenantId, tenantId, clientId, credential: { kind: 'secret' }, keyVault: null, keychain: true, redirectPort: 'any', cloud };
    const json = JSON.stringify({ format: 'sam-desk-profiles', version: 1, exportedAt: new Date().toISOString(), profiles: [{ ...entry, clientSecret: 'not-imported' }, { ...entry, displayName: `${name} (bad)`, clientId: 'not-a-guid' }] });
    await page.getByRole('button', { name: 'Import' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import profiles' });
    await importDialog.getByRole('textbox', { name: 'Exported profiles (JSON)' }).fill(json);
    await importDialog.getByRole('button', { name: 'Import' }).click();
    await expect(importDialog.getByTestId('import-result')).toContainText('Imported: 1. Rejected: 1.');
    const entries = importDialog.getByTestId('import-entry');
    await expect(entries.nth(0)).toHaveAttribute('data-status', 'imported');
    await expect(entries.nth(0)).toContainText('They were not imported');
    await expect(entries.nth(1)).toHaveAttribute('data-status', 'rejected');
    await expect(entries.nth(1)).toContainText('Application (client) ID: enter the GUID');
    await importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(importDialog).toHaveCount(0);

    const imported = page.getByTestId('profile-item').filter({ hasText: name });
    await expect(imported).toHaveCount(1);
    await imported.click();
    await expect(imported.getByTestId('badge-client-secret')).toHaveAttribute('data-value', 'false');
    const details = page.getByTestId('profile-details');

    // Duplicate, then export the copy: the JSON names it and holds no secret.
    await details.getByRole('button', { name: 'Duplicate' }).click();
    await expect(page.getByTestId('profiles-notice')).toContainText(`${name} (copy) was created as a copy.`);
    await expect(details.getByRole('heading', { name: `${name} (copy)` })).toBeVisible();
    await details.getByRole('button', { name: 'Export' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export profiles' });
    const exported = JSON.parse(await exportDialog.getByTestId('export-json').inputValue()) as { profiles: { displayName: string }[] };
    expect(exported.profiles.map((profile) => profile.displayName)).toEqual([`${name} (copy)`]);
    expect(JSON.stringify(exported)).not.toContain('not-imported');
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    // Edit: the field's own error, a draft that survives a visit to another section, and a guarded Cancel.
    await details.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByTestId('profile-editor');
    await expect(editor.getByRole('heading', { name: `Edit ${name} (copy)` })).toBeVisible();
    const nameField = editor.getByRole('textbox', { name: 'Name', exact: true });
    await expect(nameField).toBeFocused();
    await nameField.fill('');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor.getByTestId('error-displayName')).toContainText('Name: enter a name of 1 to 100 characters');
    await nameField.fill(`${name} renamed`);
    await page.getByRole('tab', { name: 'Token inspector' }).click();
    await page.getByRole('tab', { name: 'Connection profiles' }).click();
    await expect(page.getByTestId('profile-editor').getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(`${name} renamed`);
    await page.getByTestId('profile-editor').getByRole('button', { name: 'Cancel' }).click();
    const discard = page.getByRole('alertdialog', { name: 'Discard changes?' });
    await discard.getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByTestId('profile-editor')).toHaveCount(0);
    await expect(details.getByRole('heading', { name: `${name} (copy)` })).toBeFocused();

    // Delete both.
    for (const profileName of [`${name} (copy)`, name]) {
      await page.getByTestId('profile-item').filter({ hasText: profileName }).click();
      await page.getByTestId('profile-details').getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('alertdialog', { name: `Delete ${profileName}?` }).getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByTestId('profiles-notice')).toContainText(`${profileName} was deleted.`);
    }
    await expect(page.getByTestId('profile-item').filter({ hasText: name })).toHaveCount(0);
  });
});
