import { endpointsFor } from '../../../shared/profiles/clouds';
import type { Profile } from '../../../shared/profiles/profile';
import type { AppCredential } from '../sam/app-credential';
import { classifyError } from '../sam/classify-error';
import { createMsalApp } from '../sam/msal-app';
import { SamError } from '../sam/sam-error';

/**
 * An app-only access token for Microsoft Graph: the client credentials grant with the profile's own secret or
 * certificate, for `<graph>/.default` (the application permissions admin-consented for the app, in `roles`). Held by
 * the caller for one request and never stored or logged. Failures come back as SamErrors (an expired secret is
 * 7000222 → client-secret-expired), classified like every other Entra answer.
 */
const TOKEN_TIMEOUT_MS = 30_000;

export async function acquireGraphToken(profile: Profile, credential: AppCredential): Promise<string> {
  const scope = `${endpointsFor(profile.cloud).graphResource}/.default`;
  let timer: NodeJS.Timeout | undefined;
  // msal-node's token POST has no timeout of its own: a check must not hang on a network that swallows packets.
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SamError('network', { reason: 'timeout' })), TOKEN_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([createMsalApp(profile, credential).acquireTokenByClientCredential({ scopes: [scope] }), timeout]);
    if (!result?.accessToken) throw new SamError('identity-service-error');
    return result.accessToken;
  } catch (error) {
    throw classifyError(error);
  } finally {
    clearTimeout(timer);
  }
}
