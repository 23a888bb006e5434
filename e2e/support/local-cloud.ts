import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as apiRequest, type APIRequestContext, type Page } from '@playwright/test';
import { signInWithMfa } from './sign-in';

/** What a demo of its own writes about its local cloud (see emulators/descriptor.ts). */
export interface Descriptor {
  readonly endpoints: { readonly entra: string; readonly keyVault: string; readonly partnerCenter: string; readonly control: string };
  readonly tenantId: string;
  readonly tenantDomain: string;
  readonly clientId: string;
}

/** A fresh place for a demo's description file, so a spec can run its own demo beside any other. */
export function newDescriptorPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'sam-desk-e2e-cloud-')), 'local-cloud.json');
}

export function readDescriptor(path: string): Descriptor {
  return JSON.parse(readFileSync(path, 'utf8')) as Descriptor;
}

/** The emulator's control API; a fresh connection per call (the server drops idle keep-alive sockets). */
export async function controlApi(baseURL: string): Promise<APIRequestContext> {
  return apiRequest.newContext({ baseURL, ignoreHTTPSErrors: true, extraHTTPHeaders: { 'x-emulator-control': '1', connection: 'close' } });
}

/** Opens Connection profiles, selects the named profile and consents it (the link opened in the admin's own browser). */
export async function consentProfileNamed(page: Page, signIn: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Connection profiles' }).click();
  await page.getByTestId('profile-item').filter({ hasText: name }).click();
  await consentSelectedProfile(page, signIn);
}

/** Consents the selected profile from its Connection profiles page, the link opened in the admin's own browser. */
export async function consentSelectedProfile(page: Page, signIn: Page): Promise<void> {
  const consentPanel = page.getByTestId('consent-panel');
  const openBrowser = consentPanel.getByRole('checkbox', { name: 'Open the sign-in page in my browser' });
  if (await openBrowser.isChecked()) await openBrowser.uncheck();
  await consentPanel.getByRole('button', { name: 'Consent', exact: true }).click();
  const link = consentPanel.getByTestId('sign-in-link');
  await expect(link).toBeVisible();
  await signInWithMfa(signIn, (await link.getAttribute('href')) ?? '');
  await expect(consentPanel.getByTestId('consent-result')).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
}

const DAY_SECONDS = 86_400;

/** Moves the local cloud's clock (and so, in the demo, SAM Desk's) forward. */
export async function advanceCloudClock(control: APIRequestContext, days: number): Promise<void> {
  const response = await control.post('/clock/advance', { data: { seconds: days * DAY_SECONDS } });
  expect(response.ok(), await response.text()).toBe(true);
}
