import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp } from './support/launch-app';
import { consentProfileNamed, controlApi, newDescriptorPath, readDescriptor } from './support/local-cloud';
import { signInBrowser, signInWithMfa } from './support/sign-in';

/**
 * Secret hygiene and the page's Content-Security-Policy, end to end in browser mode against a demo of its own.
 *
 * After consent, Refresh now, customers and users listing, a Partner Center failure, a revoked grant (a dead token)
 * and a reconsent, every token the local cloud ever issued (access, ID and refresh tokens) and the app's client
 * secret are searched for in: all traffic between the window and main, the DOM (with form values), the page's
 * storage, a heap snapshot of the renderer (its whole state), everything SAM Desk printed (its log) and every file
 * in its settings folder (profiles, health, audit log, caches). Zero hits is the only passing result. The customers
 * cache is also shown to be encrypted: a customer's name is on screen but in no file.
 */
test.use({ locale: 'en-US', timezoneId: 'Europe/Stockholm' });

const DEMO_PROFILE = 'Contoso Partner (demo)';

interface Issued {
  readonly tokens: readonly string[];
  readonly clientSecret: string;
}

/** Every file below `directory`, with its contents. */
function filesBelow(directory: string): Array<{ path: string; text: string }> {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [{ path, text: readFileSync(path).toString('latin1') }];
  });
}

/** The renderer's whole JavaScript heap, as the DevTools protocol writes it. */
async function heapSnapshot(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await session.detach();
  return chunks.join('');
}

test('no token or client secret reaches the window, the traffic, the log or any file SAM Desk writes', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const descriptorPath = newDescriptorPath();
  const demo = await launchApp('scripts/demo.ts', { args: ['--ports=any', '--customers=40'], env: { SAM_DESK_LOCAL_CLOUD: descriptorPath } });
  const control = await controlApi(readDescriptor(descriptorPath).endpoints.control);
  // Everything the window and main said to each other over the browser-mode bridge.
  const traffic: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) traffic.push(request.url(), request.postData() ?? '');
  });
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    void response.text().then(
      (text) => traffic.push(text),
      () => undefined,
    );
  });
  try {
    await page.goto(demo.app.url);
    const signIn = await signInBrowser(browser);

    // Consent.
    await consentProfileNamed(page, signIn, DEMO_PROFILE);

    // Customers and a customer's users.
    await page.getByRole('tab', { name: 'Customers' }).click();
    const status = page.getByTestId('customers-status');
    await expect(status).toHaveAttribute('data-source', 'live', { timeout: 20_000 });
    // A failure: Partner Center answers 500 to the next listing, which shows the error with its remedy.
    const fault = await control.post('/faults', { data: { service: 'partnercenter', count: 20, fault: { type: 'status', status: 500 } } });
    expect(fault.ok(), await fault.text()).toBe(true);
    await status.getByTestId('customers-status-refresh').click();
    await expect(status.getByTestId('sam-error')).toBeVisible({ timeout: 30_000 });
    expect((await control.delete('/faults')).ok()).toBe(true);
    const rows = page.getByTestId('customers-table-row');
    const customerName = (await rows.first().getByRole('gridcell').nth(0).innerText()).trim();
    await rows.first().getByRole('button', { name: `Users of ${customerName}` }).click();
    await expect(page.getByTestId('users-status')).toHaveAttribute('data-source', 'live', { timeout: 20_000 });

    // Token health: check, and Refresh now (a redemption that rotates the refresh token).
    await page.getByRole('tab', { name: 'Token health' }).click();
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(page.getByTestId('health-check-all-status')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    const row = page.getByTestId('health-row').filter({ hasText: DEMO_PROFILE });
    await row.getByTestId('health-open').click();
    const details = page.getByTestId('health-profile');
    const refresh = details.getByRole('button', { name: 'Refresh now' });
    await refresh.click();
    await expect(refresh).toBeEnabled({ timeout: 20_000 });
    await expect(details).toHaveAttribute('data-state', 'healthy');
    await details.getByRole('button', { name: 'All profiles' }).click();

    // A dead token: the admin's grants are revoked; Refresh now fails for good; a reconsent brings it back.
    const admins = ((await (await control.get('/state')).json()) as { admins: Array<{ userPrincipalName: string; mfaRegistered: boolean }> }).admins;
    const mfaAdmin = admins.find((admin) => admin.mfaRegistered)?.userPrincipalName ?? '';
    expect((await control.post(`/users/${encodeURIComponent(mfaAdmin)}/revoke`)).ok()).toBe(true);
    await page.getByRole('tab', { name: 'Token health' }).click();
    await row.getByTestId('health-open').click();
    await details.getByRole('button', { name: 'Refresh now' }).click();
    await expect(details).toHaveAttribute('data-state', 'dead', { timeout: 20_000 });
    await details.getByRole('button', { name: 'Reconsent' }).first().click();
    const link = details.getByTestId('sign-in-link');
    await expect(link).toBeVisible();
    await signInWithMfa(signIn, (await link.getAttribute('href')) ?? '');
    await expect(details.getByTestId('consent-result')).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
    await expect(details).toHaveAttribute('data-state', 'healthy');
    await signIn.context().close();

    // What to look for: every token issued in this run, and the client secret.
    const issued = (await (await control.get('/secrets/issued')).json()) as Issued;
    // Two consents and at least two redemptions, each with an access token and a rotated refresh token.
    expect(issued.tokens.length).toBeGreaterThanOrEqual(8);
    const secrets = [...new Set([...issued.tokens, issued.clientSecret])];

    // Where to look.
    const dom = await page.content();
    const formValues = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((field) => field.value).join('\n'));
    const storage = await page.evaluate(async () => JSON.stringify({ local: Object.entries(localStorage), session: Object.entries(sessionStorage), databases: await indexedDB.databases(), caches: await caches.keys() }));
    const heap = await heapSnapshot(page);
    const places: Array<{ where: string; text: string }> = [
      { where: 'traffic between the window and main', text: traffic.join('\n') },
      { where: 'the DOM', text: dom },
      { where: 'form values', text: formValues },
      { where: 'page storage', text: storage },
      { where: 'the renderer heap', text: heap },
      { where: "SAM Desk's output (log)", text: demo.app.output() },
      ...filesBelow(demo.home).map((file) => ({ where: file.path, text: file.text })),
    ];
    expect(traffic.length).toBeGreaterThan(20);
    expect(heap.length).toBeGreaterThan(1_000_000);
    expect(places.length).toBeGreaterThan(8);

    // The whole value, and its last 64 characters (a JWT's signature, an opaque token's tail): a place that keeps
    // only part of a long string (a heap snapshot may cut long strings) is still caught.
    const found = (text: string, secret: string): boolean => text.includes(secret) || (secret.length > 64 && text.includes(secret.slice(-64)));
    const hits = places.flatMap((place) => secrets.filter((secret) => found(place.text, secret)).map((secret) => `${place.where}: a ${secret.startsWith('eyJ') ? 'JWT' : 'secret'} of ${String(secret.length)} characters`));
    expect(hits).toEqual([]);
    test.info().annotations.push({ type: 'secret hygiene', description: `${String(secrets.length)} secrets × ${String(places.length)} places, 0 hits` });

    // The cache is encrypted: the customer's name was on screen (read from the table above), but is in no file.
    const files = filesBelow(demo.home);
    expect(files.some((file) => /customers/i.test(file.path))).toBe(true);
    expect(files.filter((file) => file.text.includes(customerName)).map((file) => file.path)).toEqual([]);
  } finally {
    await control.dispose();
    if (demo.process.exitCode === null && demo.process.signalCode === null) {
      demo.process.kill('SIGTERM');
      await new Promise((resolve) => demo.process.once('exit', resolve));
    }
  }
});

test('the page runs no inline, injected, remote or eval code, and cannot be framed', async ({ page }) => {
  const app = await launchApp('electron/browser-mode/launch.ts');
  try {
    const response = await page.goto(app.app.url);
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toContain('unsafe-eval');
    expect(header).not.toMatch(/script-src[^;]*unsafe-inline/);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'SAM Desk', level: 1 })).toBeVisible();

    // Code the DevTools protocol runs is exempt from the policy unless told otherwise: here it is not exempt, as a
    // script of the page's own would not be.
    const session = await page.context().newCDPSession(page);
    const evaluated = await session.send('Runtime.evaluate', {
      expression: `(() => {
        const refused = (run) => { try { run(); return false; } catch (error) { return error instanceof EvalError; } };
        return { evalRefused: refused(() => (0, eval)('1 + 1')), functionRefused: refused(() => new Function('return 1')()) };
      })()`,
      allowUnsafeEvalBlockedByCSP: false,
      returnByValue: true,
    });
    await session.detach();
    const refusals = evaluated.result.value as { evalRefused: boolean; functionRefused: boolean };
    expect(refusals).toEqual({ evalRefused: true, functionRefused: true });
    // Playwright's own script tag is an inline script too: refused.
    await expect(page.addScriptTag({ content: 'window.injectedByTag = true' })).rejects.toThrow();

    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const marks = window as unknown as Record<string, unknown>;
      const inline = document.createElement('script');
      inline.textContent = 'window.injectedInline = true';
      document.body.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://cdn.example.com/evil.js';
      document.body.append(remote);
      const handler = document.createElement('img');
      handler.setAttribute('src', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=');
      handler.setAttribute('onload', 'window.injectedHandler = true');
      document.body.append(handler);
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { inline: marks.injectedInline === true, tag: marks.injectedByTag === true, handler: marks.injectedHandler === true, violations };
    });
    expect(outcome.inline).toBe(false);
    expect(outcome.tag).toBe(false);
    expect(outcome.handler).toBe(false);
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'frame-src']));
  } finally {
    app.process.kill('SIGTERM');
  }
});
