/**
 * Walks the Entra emulator's sign-in pages over plain HTTP, as a user in a browser would: account and password,
 * the MFA code when asked, consent when asked. Returns the redirect the app would receive. Tests use it where a
 * real browser adds nothing; the e2e tests drive the same pages with Playwright.
 */
export interface SignInAnswers {
  readonly userPrincipalName: string;
  readonly password: string;
  readonly mfaCode?: string;
  /** What to do on the consent page; default accept. */
  readonly consent?: 'accept' | 'cancel';
  /** Press Cancel on the sign-in page instead. */
  readonly cancelSignIn?: boolean;
  /** Cookies from an earlier sign-in (SSO); updated in place. */
  readonly cookies?: Map<string, string>;
}

export interface SignInOutcome {
  /** The URL the browser was sent to: the app's redirect URI with code and state, or error=…. */
  readonly redirectedTo: URL;
  /** Which pages were shown, in order: signin, mfa, consent. */
  readonly pages: readonly string[];
}

export async function driveSignIn(authorizeUrl: string, answers: SignInAnswers): Promise<SignInOutcome> {
  const cookies = answers.cookies ?? new Map<string, string>();
  const pages: string[] = [];
  let response = await request(authorizeUrl, cookies);
  for (let step = 0; step < 6; step++) {
    const location = response.headers.get('location');
    if (response.status === 302 && location) return { redirectedTo: new URL(location), pages };
    const page = await response.text();
    if (response.status !== 200) throw new Error(`sign-in page answered ${String(response.status)}: ${page.slice(0, 300)}`);
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    const ctx = /name="ctx" value="([^"]+)"/.exec(page)?.[1];
    if (!action || !ctx) throw new Error(`no form on the sign-in page: ${page.slice(0, 300)}`);
    const target = new URL(action.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))), authorizeUrl).toString();
    const form = new URLSearchParams({ ctx });
    if (page.includes('name="passwd"')) {
      pages.push('signin');
      form.set('action', answers.cancelSignIn ? 'cancel' : 'signin');
      form.set('loginfmt', answers.userPrincipalName);
      form.set('passwd', answers.password);
    } else if (page.includes('name="otc"')) {
      pages.push('mfa');
      form.set('action', 'verify');
      form.set('otc', answers.mfaCode ?? '');
    } else {
      pages.push('consent');
      form.set('action', answers.consent ?? 'accept');
    }
    response = await request(target, cookies, form);
  }
  throw new Error('the sign-in did not finish in six pages');
}

async function request(url: string, cookies: Map<string, string>, form?: URLSearchParams): Promise<Response> {
  const headers: Record<string, string> = {};
  if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, redirect: 'manual', ...(form ? { body: form.toString() } : {}) });
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const [name = '', value = ''] = pair.split('=');
    if (value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
  return response;
}

/**
 * The admin's browser in tests: walks the sign-in pages for `authorizeUrl` and then loads the redirect, so the app's
 * loopback listener receives the code. Fire and forget, as a browser is: failures show as the consent's outcome.
 */
export function followSignIn(authorizeUrl: string, admin: { readonly userPrincipalName: string; readonly password: string; readonly mfaCode?: string }): void {
  void driveSignIn(authorizeUrl, { userPrincipalName: admin.userPrincipalName, password: admin.password, ...(admin.mfaCode ? { mfaCode: admin.mfaCode } : {}) })
    .then(({ redirectedTo }) => fetch(redirectedTo))
    .catch(() => undefined);
}
