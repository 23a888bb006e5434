import { createTranslator } from '../../shared/i18n/translator';
import { appClock } from './app-clock';
import { userDataDirectory } from './app-paths';
import { envLanguage } from './env-language';
import { createSamDeskServices, type SamDeskServices } from './sam-desk-services';
import { createKeychain } from './secrets/keychain';
import { rememberingVault } from './secrets/remembering-vault';

/** The services as the app and the CLI run them: the settings folder, the OS keychain, the admin's language. */
export function defaultServices(
  openBrowser: (url: string, signInOrigins: readonly string[]) => void,
  env: Readonly<Record<string, string | undefined>> = process.env,
  openSignInWindow?: (url: string, redirectUri: string) => void,
): SamDeskServices {
  const language = envLanguage(env);
  const { t } = createTranslator(language);
  return createSamDeskServices({
    userDataDirectory: userDataDirectory(env),
    // Every secret read from or written to the keychain is one the logger redacts.
    vault: rememberingVault(createKeychain()),
    openBrowser,
    ...(openSignInWindow ? { openSignInWindow } : {}),
    now: appClock(env),
    language,
    loopbackPages: { success: loopbackPage(t('sam.loopback.success')), failure: loopbackPage(t('sam.loopback.failure')) },
  });
}

function loopbackPage(message: string): string {
  const escaped = message.replace(/[&<>"']/g, (character) => `&#${String(character.charCodeAt(0))};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>SAM Desk</title><style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh}</style></head><body><main><h1>SAM Desk</h1><p>${escaped}</p></main></body></html>`;
}
