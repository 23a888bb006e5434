import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { endpointsFor } from '../../../shared/profiles/clouds';
import { signInOrigins } from '../../../shared/profiles/endpoint-binding';
import type { Profile } from '../../../shared/profiles/profile';
import type { AppCredential } from './app-credential';
import { createMsalNetworkClient } from './msal-network';

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
  return new ConfidentialClientApplication({
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
