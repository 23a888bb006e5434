import { randomBytes } from 'node:crypto';
import { CryptoProvider } from '@azure/msal-node';
import { isOnOrigins, signInOrigins } from '../../../shared/profiles/endpoint-binding';
import type { Profile } from '../../../shared/profiles/profile';
import type { SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { bindConsentedTokens } from './bound-endpoints';
import { classifyError } from './classify-error';
import { keyVaultCredentialFor, keyVaultScope } from './key-vault-identity';
import type { ConsentProgress, ConsentStep } from './consent-steps';
import { startLoopbackRedirect } from './loopback-redirect';
import { cachedRefreshToken, createMsalApp, partnerCenterScope } from './msal-app';
import { saveRefreshToken, type AfterKeyVaultWrite, type SaveOutcome } from './refresh-token-store';
import { SamError } from './sam-error';
import { verifyPartnerCenterToken } from './verify-access-token';

export const CONSENT_TIMEOUT_MS = 5 * 60_000;

export interface ConsentDeps {
  readonly getProfile: (id: string) => Promise<Profile>;
  readonly vault: SecretVault;
  /**
   * Opens the sign-in URL: the system browser in the app, a page driver in tests. `signInOrigins` are the bound
   * sign-in host and its aliases: an opener refuses a URL anywhere else (external-links.ts isSignInUrl).
   */
  readonly openBrowser: (url: string, signInOrigins: readonly string[]) => void;
  /** The desktop app's in-app sign-in window (Electron only): its own in-memory session, redirect to the listener. */
  readonly openSignInWindow?: (url: string, redirectUri: string) => void;
  readonly now: () => Date;
  readonly timeoutMs?: number;
  /** The pages the loopback listener answers the browser with, in the admin's language. */
  readonly pages: { readonly success: string; readonly failure: string };
  /**
   * Runs the save of the new refresh token in the profile's token turn (token-service storeNewLine): no redemption
   * of the older line writes its successor over it. Without it (a consent on its own) the save runs at once.
   */
  readonly storeInTurn?: <T>(profileId: string, save: () => Promise<T>) => Promise<T>;
  /** Every consent's outcome, whoever started it (the window, the CLI, a deep link): health and the audit log. */
  readonly onOutcome?: (outcome: Exclude<ConsentProgress, { state: 'step' }>) => void;
  /** Runs after the new token was written to Key Vault as a new version (version hygiene); never fails the consent. */
  readonly afterKeyVaultWrite?: AfterKeyVaultWrite;
}

export interface ConsentOptions {
  /** `login` by default, so single sign-on cannot slip a different account in. */
  readonly prompt?: 'login' | 'select_account';
  readonly loginHint?: string;
  /** False when the admin will open the copied sign-in link themselves (another browser profile). */
  readonly openBrowser?: boolean;
  /** Sign in inside SAM Desk instead of the system browser, where the app offers it. */
  readonly inAppWindow?: boolean;
  readonly onProgress?: (progress: ConsentProgress) => void;
}

/**
 * The Secure Application Model consent, for a new profile or a reconsent: authorization code + PKCE (S256) with
 * state and nonce through a loopback redirect, the code redeemed with the app's credential, the access token
 * checked for MFA, Partner Center audience and scope, and the refresh token saved to Key Vault (a new version with
 * tags) and the keychain. One consent per profile at a time; cancellable.
 */
export function createConsentService(deps: ConsentDeps) {
  const running = new Map<string, AbortController>();

  async function consent(profileId: string, options: ConsentOptions = {}): Promise<ConsentProgress> {
    const report = (progress: ConsentProgress): ConsentProgress => {
      options.onProgress?.(progress);
      if (progress.state !== 'step') deps.onOutcome?.(progress);
      return progress;
    };
    if (running.has(profileId)) return report({ profileId, state: 'failed', error: 'consent-in-progress', detail: {} });
    const abort = new AbortController();
    running.set(profileId, abort);
    const step = (name: ConsentStep, signInUrl?: string): void => void report({ profileId, state: 'step', step: name, ...(signInUrl ? { signInUrl } : {}) });
    try {
      const profile = await deps.getProfile(profileId);
      const credential = await loadAppCredential(profile, deps.vault);
      const pkce = await new CryptoProvider().generatePkceCodes();
      const state = randomBytes(32).toString('base64url');
      const nonce = randomBytes(32).toString('base64url');
      const loopback = await startLoopbackRedirect({
        port: profile.redirectPort === 'any' ? 0 : profile.redirectPort,
        expectedState: state,
        timeoutMs: deps.timeoutMs ?? CONSENT_TIMEOUT_MS,
        signal: abort.signal,
        pages: deps.pages,
      });
      try {
        const app = createMsalApp(profile, credential, abort.signal);
        const scopes = [partnerCenterScope(profile), 'offline_access'];
        const signInUrl = await app.getAuthCodeUrl({
          scopes,
          // Key Vault written as the admin: consent to it in the same sign-in (the refresh token serves both).
          ...(profile.keyVault?.access === 'admin' ? { extraScopesToConsent: [keyVaultScope(profile)] } : {}),
          redirectUri: loopback.redirectUri,
          codeChallenge: pkce.challenge,
          codeChallengeMethod: 'S256',
          state,
          nonce,
          prompt: options.prompt ?? 'login',
          ...(options.loginHint ? { loginHint: options.loginHint } : {}),
        });
        // The admin types a password and an MFA code into this page: it must be the sign-in host the profile is bound to.
        const origins = signInOrigins(credential.endpoints.authorityHost);
        if (!isOnOrigins(signInUrl, origins)) throw new SamError('destination-refused', { service: 'entra' });
        step('waiting-for-sign-in', signInUrl);
        if (options.inAppWindow && deps.openSignInWindow) deps.openSignInWindow(signInUrl, loopback.redirectUri);
        else if (options.openBrowser !== false) deps.openBrowser(signInUrl, origins);
        const { code } = await loopback.result;

        step('exchanging-code');
        // msal checks that the ID token answers our nonce: a code injected from another sign-in would not.
        const result = await app.acquireTokenByCode({ code, scopes, redirectUri: loopback.redirectUri, codeVerifier: pkce.verifier, nonce, state });

        step('checking-mfa');
        const inspection = verifyPartnerCenterToken(result.accessToken, deps.now());
        const refreshToken = cachedRefreshToken(app);
        if (!refreshToken) throw new SamError('no-refresh-token', { reason: 'not-issued' });

        // The token was just issued by the bound sign-in host for this profile's endpoints: it is bound to them, also
        // for opening Key Vault with it as the admin, and the binding is recorded once it is stored.
        const save = async (): Promise<SaveOutcome> => {
          const saved = await saveRefreshToken(
            profile,
            deps.vault,
            keyVaultCredentialFor(profile, { ...credential, tokensBound: true }, () => refreshToken),
            refreshToken,
            { user: inspection.summary.user ?? '', tenantId: inspection.summary.tenantId ?? profile.tenantId, appId: profile.clientId, obtainedAt: deps.now().toISOString() },
            { onStep: step, ...(deps.afterKeyVaultWrite ? { afterKeyVaultWrite: deps.afterKeyVaultWrite } : {}) },
          );
          await bindConsentedTokens(profile, deps.vault);
          return saved;
        };
        const saved = await (deps.storeInTurn ? deps.storeInTurn(profileId, save) : save());
        return report({
          profileId,
          state: 'succeeded',
          saved,
          summary: {
            user: inspection.summary.user,
            tenantId: inspection.summary.tenantId,
            audience: inspection.summary.audience,
            scopes: inspection.summary.scopes,
            mfa: inspection.summary.mfa,
            expiresAt: inspection.times.expiresAt,
          },
        });
      } finally {
        loopback.close();
      }
    } catch (error) {
      // Cancelled while the code was being exchanged: the request was aborted, and that is the admin's doing.
      const mapped = abort.signal.aborted ? new SamError('consent-cancelled') : classifyError(error);
      return report({ profileId, state: 'failed', error: mapped.code, detail: mapped.detail });
    } finally {
      running.delete(profileId);
    }
  }

  return {
    consent,
    cancel(profileId: string): boolean {
      const controller = running.get(profileId);
      controller?.abort();
      return controller !== undefined;
    },
    isRunning: (profileId: string): boolean => running.has(profileId),
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
