import { ConfidentialClientApplication, LogLevel, type AuthenticationResult, type AuthorizationCodePayload, type AuthorizationCodeRequest, type ClientCredentialRequest, type RefreshTokenRequest } from '@azure/msal-node';
import { endpointsFor } from '../../../shared/profiles/clouds';
import { signInOrigins } from '../../../shared/profiles/endpoint-binding';
import type { Profile } from '../../../shared/profiles/profile';
import type { AppCredential } from './app-credential';
import { knownSecrets } from '../known-secrets';
import { createMsalNetworkClient } from './msal-network';

interface SerializedCache {
  readonly [section: string]: Readonly<Record<string, { readonly secret?: unknown }>> | undefined;
}

/**
 * msal's confidential client, remembering every secret that passes through it (known-secrets.ts: no log line can
 * show one): the code and the refresh token it redeems, and every token it obtains — access, ID and refresh tokens,
 * read from its cache, since msal-node returns no refresh token.
 */
class RememberingClientApplication extends ConfidentialClientApplication {
  override async acquireTokenByCode(request: AuthorizationCodeRequest, authCodePayload?: AuthorizationCodePayload): Promise<AuthenticationResult> {
    knownSecrets.remember(request.code);
    return this.remembered(await super.acquireTokenByCode(request, authCodePayload));
  }

  override async acquireTokenByRefreshToken(request: RefreshTokenRequest): Promise<AuthenticationResult | null> {
    knownSecrets.remember(request.refreshToken);
    return this.remembered(await super.acquireTokenByRefreshToken(request));
  }

  override async acquireTokenByClientCredential(request: ClientCredentialRequest): Promise<AuthenticationResult | null> {
    return this.remembered(await super.acquireTokenByClientCredential(request));
  }

  private remembered<T extends AuthenticationResult | null>(result: T): T {
    knownSecrets.remember(result?.accessToken);
    knownSecrets.remember(result?.idToken);
    const cache = JSON.parse(this.getTokenCache().serialize()) as SerializedCache;
    for (const section of ['AccessToken', 'RefreshToken', 'IdToken']) {
      for (const entry of Object.values(cache[section] ?? {})) if (typeof entry.secret === 'string') knownSecrets.remember(entry.secret);
    }
    return result;
  }
}

/**
 * A fresh msal-node confidential client for one profile and one operation. Fresh on purpose: its token cache then
 * holds exactly the refresh token this operation produced, which is how SAM Desk reads the rotated token out
 * (msal-node does not return refresh tokens in its results). Logging stays off: msal logs can contain PII.
 * Every request to Entra has a deadline (msal-network.ts); `signal` cancels them (the admin cancelled the consent).
 * Every request goes only to the sign-in host the credential was verified against (app-credential.ts), checked by the
 * network module right before it leaves.
 */
export function createMsalApp(profile: Profile, credential: AppCredential, signal?: AbortSignal): ConfidentialClientApplication {
  const { authorityHost } = endpointsFor(profile.cloud);
  return new RememberingClientApplication({
    auth: {
      clientId: profile.clientId,
      authority: `${authorityHost}/${profile.tenantId}`,
      // A custom cloud (and the local emulators) is trusted as given instead of validated by login.microsoftonline.com.
      ...(profile.cloud.kind === 'custom' ? { knownAuthorities: [new URL(authorityHost).host] } : {}),
      ...credential.msalAuth,
    },
    system: {
      networkClient: createMsalNetworkClient({ ...(signal ? { signal } : {}), signInOrigins: signInOrigins(credential.endpoints.authorityHost) }),
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  });
}

/** The refresh token msal cached from the last token response, or null (none was issued). */
export function cachedRefreshToken(app: ConfidentialClientApplication): string | null {
  const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken?: Record<string, { secret?: string }> };
  const entries = Object.values(cache.RefreshToken ?? {});
  return entries.at(-1)?.secret ?? null;
}

export function partnerCenterScope(profile: Profile): string {
  return `${endpointsFor(profile.cloud).partnerCenterResource}/user_impersonation`;
}
