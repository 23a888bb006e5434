import type { CredentialExpiryFact } from '../../../shared/health/health-facts';
import type { Profile } from '../../../shared/profiles/profile';
import { readApplication, GraphReadError } from '../graph/graph-client';
import { acquireGraphToken } from '../graph/graph-token';
import { pickKeyCredential, pickPasswordCredential } from '../graph/pick-credential';
import type { AppCredential } from '../sam/app-credential';
import { classifyError } from '../sam/classify-error';
import type { SamError } from '../sam/sam-error';

/**
 * The app credential's expiry as the app registration in Microsoft Graph says it, read with an app-only token of the
 * profile's own app (which needs Application.Read.All admin-consented). What the health check does with each outcome:
 * `read` is a fact to keep (an end date, or why there is none: no permission, no matching credential); `graph-failed`
 * (Graph answered badly or not at all) and `unavailable` (Entra could not be reached) keep the last known fact;
 * `token-refused` means Entra refused the app's own credential, which is itself worth reporting; `not-asked` is a
 * cloud without a Graph endpoint. After `read` and `graph-failed`, Entra has just accepted the credential.
 */
export type CredentialExpiryReading =
  | { readonly outcome: 'read'; readonly fact: CredentialExpiryFact }
  | { readonly outcome: 'graph-failed' }
  | { readonly outcome: 'token-refused'; readonly error: SamError }
  | { readonly outcome: 'unavailable' }
  | { readonly outcome: 'not-asked' };

/** Token failures that say Entra was not reached (or asked us to wait), not that the credential is bad. */
const UNREACHED = new Set(['network', 'throttled']);

export async function readCredentialExpiry(profile: Profile, credential: AppCredential, now: Date, options: { readonly fetch?: typeof fetch } = {}): Promise<CredentialExpiryReading> {
  // The Graph the credential was verified for (app-credential.ts), not an address read anew: the app-only token goes there.
  const { graphUrl } = credential.endpoints;
  if (graphUrl === null) return { outcome: 'not-asked' };
  const kind = profile.credential.kind;
  let accessToken: string;
  try {
    accessToken = await acquireGraphToken(profile, credential);
  } catch (error) {
    const classified = classifyError(error);
    return UNREACHED.has(classified.code) ? { outcome: 'unavailable' } : { outcome: 'token-refused', error: classified };
  }
  try {
    const application = await readApplication({ graphUrl, accessToken, appId: profile.clientId, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const picked =
      profile.credential.kind === 'certificate'
        ? pickKeyCredential(application.keyCredentials, profile.credential.thumbprint)
        : pickPasswordCredential(application.passwordCredentials, 'clientSecret' in credential.msalAuth ? credential.msalAuth.clientSecret : null, now);
    return { outcome: 'read', fact: picked ? { kind, expiresAt: picked.endDateTime } : { kind, expiresAt: null, unknown: 'not-found' } };
  } catch (error) {
    if (error instanceof GraphReadError && (error.failure === 'no-permission' || error.failure === 'not-found')) {
      return { outcome: 'read', fact: { kind, expiresAt: null, unknown: error.failure } };
    }
    return { outcome: 'graph-failed' };
  }
}

/**
 * The credentialExpiry fact after a check, from what was known before, the certificate file's end date (certificate
 * profiles) and what Graph said. A certificate's file is authoritative when Graph says nothing; when the
 * registration ends it earlier than the certificate does, Entra goes by the registration, so the earlier date wins.
 * What Graph could not tell leaves the last known fact as it was (unless it is about the other kind of credential).
 */
export function nextCredentialExpiry(profile: Profile, current: CredentialExpiryFact | null | undefined, certificateExpiresAt: Date | null, reading: CredentialExpiryReading): CredentialExpiryFact | null | undefined {
  const kind = profile.credential.kind;
  const kept = current && current.kind === kind ? current : undefined;
  const fromGraph = reading.outcome === 'read' ? reading.fact : null;
  if (kind === 'certificate') {
    if (!certificateExpiresAt) return kept;
    const fileEnd = certificateExpiresAt.getTime();
    const graphEnd = fromGraph?.expiresAt ? Date.parse(fromGraph.expiresAt) : Number.NaN;
    return { kind, expiresAt: new Date(Number.isNaN(graphEnd) ? fileEnd : Math.min(fileEnd, graphEnd)).toISOString() };
  }
  return fromGraph ?? kept;
}
