import type { DirectoryUser } from '../data/world';

/**
 * The sign-in pages, plain HTML forms like login.microsoftonline.com's flow: account and password, then a
 * verification code for users with MFA, then consent the first time. This is a local emulator, so the pages show
 * the demo accounts, password and code instead of hiding them.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${String(character.charCodeAt(0))};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — local Microsoft cloud</title>
<style>
  :root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; }
  body { display: grid; place-items: center; min-height: 100vh; margin: 0; background: Canvas; }
  main { width: min(440px, 92vw); padding: 44px; box-shadow: 0 2px 6px rgb(0 0 0 / 20%); background: Canvas; color: CanvasText; }
  label { display: block; margin: 16px 0 4px; }
  input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 6px; font-size: 15px; }
  .buttons { display: flex; flex-direction: row-reverse; gap: 8px; justify-content: flex-start; margin-top: 24px; }
  button { min-width: 108px; padding: 6px 12px; font-size: 15px; }
  button.primary { background: #0067b8; color: white; border: 1px solid #0067b8; }
  .hint { margin-top: 24px; font-size: 13px; opacity: .8; }
  .error { color: #e81123; }
</style></head>
<body><main><p><strong>Local Microsoft cloud</strong></p><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

// In each form the primary button comes first in the markup, so Enter submits it; the row is drawn reversed.
function hidden(ctx: string): string {
  return `<input type="hidden" name="ctx" value="${escapeHtml(ctx)}">`;
}

export function signInPage(ctx: string, action: string, accounts: readonly DirectoryUser[], loginHint: string | null, error: string | null): string {
  return layout(
    'Sign in',
    `<form method="post" action="${escapeHtml(action)}">${hidden(ctx)}
  ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
  <label for="loginfmt">Email, phone, or Skype</label><input type="text" id="loginfmt" name="loginfmt" autocomplete="username" value="${escapeHtml(loginHint ?? '')}" autofocus>
  <label for="passwd">Password</label><input type="password" id="passwd" name="passwd" autocomplete="current-password">
  <div class="buttons"><button type="submit" class="primary" name="action" value="signin">Sign in</button><button type="submit" name="action" value="cancel">Cancel</button></div>
</form>
<div class="hint"><p>Demo accounts (password <code>${escapeHtml(accounts[0]?.password ?? '')}</code>):</p><ul>${accounts
      .map((account) => `<li><code>${escapeHtml(account.userPrincipalName)}</code>: ${escapeHtml(account.displayName)}${account.mfaRegistered ? ', MFA' : ', no MFA'}</li>`)
      .join('')}</ul></div>`,
  );
}

export function mfaPage(ctx: string, action: string, user: DirectoryUser, error: string | null): string {
  return layout(
    'Enter code',
    `<form method="post" action="${escapeHtml(action)}">${hidden(ctx)}
  <p>Enter the code displayed in the authenticator app on your mobile device for ${escapeHtml(user.userPrincipalName)}.</p>
  ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
  <label for="otc">Code</label><input type="text" id="otc" name="otc" inputmode="numeric" autocomplete="one-time-code" autofocus>
  <div class="buttons"><button type="submit" class="primary" name="action" value="verify">Verify</button><button type="submit" name="action" value="cancel">Cancel</button></div>
</form>
<p class="hint">The emulated authenticator shows <code>${escapeHtml(user.mfaCode)}</code>.</p>`,
  );
}

export function consentPage(ctx: string, action: string, appName: string, scopes: readonly string[]): string {
  return layout(
    'Permissions requested',
    `<form method="post" action="${escapeHtml(action)}">${hidden(ctx)}
  <p><strong>${escapeHtml(appName)}</strong> would like to:</p>
  <ul>${scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('')}<li>Maintain access to data you have given it access to</li></ul>
  <div class="buttons"><button type="submit" class="primary" name="action" value="accept">Accept</button><button type="submit" name="action" value="cancel">Cancel</button></div>
</form>`,
  );
}

export function errorPage(code: number, message: string): string {
  return layout('Sorry, but we’re having trouble signing you in.', `<p class="error" role="alert">AADSTS${String(code)}: ${escapeHtml(message)}</p>`);
}
