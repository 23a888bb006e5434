import { createHash, X509Certificate } from 'node:crypto';
import type { CloudState } from '../core/cloud-state';
import type { AppRegistration } from '../data/world';
import type { EntraState } from '../entra/entra-state';

/**
 * The seeded app registrations as Microsoft Graph's `application` resource: ids, names, and the credentials'
 * metadata (passwordCredentials and keyCredentials) with their start and end dates. Graph never returns a secret's
 * value after it was created: `secretText` is null, and `hint` holds its first three characters. Ids derive from
 * the client id, so the same seed gives the same objects.
 */
export interface PasswordCredential {
  readonly customKeyIdentifier: null;
  readonly displayName: string;
  readonly endDateTime: string;
  readonly hint: string;
  readonly keyId: string;
  readonly secretText: null;
  readonly startDateTime: string;
}

export interface KeyCredential {
  /** The certificate's SHA-1 thumbprint, upper-case hex (the form Graph shows for uploaded certificates; unverified). */
  readonly customKeyIdentifier: string;
  readonly displayName: string;
  readonly endDateTime: string;
  readonly key: null;
  readonly keyId: string;
  readonly startDateTime: string;
  readonly type: 'AsymmetricX509Cert';
  readonly usage: 'Verify';
}

export type ApplicationResource = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  readonly passwordCredentials: readonly PasswordCredential[];
  readonly keyCredentials: readonly KeyCredential[];
};

/** Every property this emulator knows of an application, in Graph's order; $select may name only these. */
export const applicationProperties = ['id', 'appId', 'createdDateTime', 'displayName', 'publisherDomain', 'signInAudience', 'keyCredentials', 'passwordCredentials', 'web'] as const;

const DAY_MS = 86_400_000;

/** A GUID-shaped id derived from text, stable across runs. */
export function derivedId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function applicationResource(state: CloudState, entra: EntraState, app: AppRegistration): ApplicationResource {
  const created = state.createdAt.getTime();
  const iso = (ms: number): string => new Date(ms).toISOString();
  const isSamApp = app === state.world.app;
  const passwordCredentials: PasswordCredential[] = [
    {
      customKeyIdentifier: null,
      displayName: isSamApp ? 'SAM Desk' : 'Automation',
      // The SAM app's secret ends when the cloud says (the control API moves it); the other app's a year on.
      endDateTime: iso(isSamApp ? state.appSecretEndsAt.getTime() : created + 365 * DAY_MS),
      hint: app.clientSecret.slice(0, 3),
      keyId: derivedId(`password|${app.clientId}|0`),
      secretText: null,
      startDateTime: iso(created),
    },
  ];
  if (isSamApp) {
    // An older secret still on the registration, which nobody in the local cloud holds: it ends within the week, so a
    // client that cannot tell which secret is its own (by the hint) would warn about the wrong one.
    passwordCredentials.push({
      customKeyIdentifier: null,
      displayName: 'Old automation secret',
      endDateTime: iso(created + 7 * DAY_MS),
      hint: 'Q7x',
      keyId: derivedId(`password|${app.clientId}|1`),
      secretText: null,
      startDateTime: iso(created - 723 * DAY_MS),
    });
  }
  // The certificates registered on the SAM app (POST /app/certificates) are the ones Entra accepts assertions from.
  const keyCredentials: KeyCredential[] = isSamApp
    ? entra.certificates.map((pem, index) => {
        const certificate = new X509Certificate(pem);
        return {
          customKeyIdentifier: certificate.fingerprint.replace(/:/g, '').toUpperCase(),
          // Graph names an uploaded certificate by its subject's common name, "CN=…".
          displayName: certificate.subject.split('\n').find((part) => part.startsWith('CN=')) ?? certificate.subject,
          endDateTime: new Date(certificate.validTo).toISOString(),
          key: null,
          keyId: derivedId(`key|${app.clientId}|${String(index)}`),
          startDateTime: new Date(certificate.validFrom).toISOString(),
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
        };
      })
    : [];
  return {
    id: derivedId(`application|${app.clientId}`),
    appId: app.clientId,
    createdDateTime: iso(created - 730 * DAY_MS),
    displayName: app.displayName,
    publisherDomain: state.world.partner.domain,
    signInAudience: 'AzureADMultipleOrgs',
    keyCredentials,
    passwordCredentials,
    web: { redirectUris: [...app.redirectUris], implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
  };
}

/** The resource with only the properties `$select` names (all of them without one); null names an unknown one. */
export function selectProperties(resource: ApplicationResource, select: string | null): { ok: true; value: Record<string, unknown> } | { ok: false; unknown: string } {
  if (select === null || select.trim() === '') return { ok: true, value: { ...resource } };
  const names = select.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const value: Record<string, unknown> = {};
  for (const name of names) {
    const known = applicationProperties.find((property) => property.toLowerCase() === name.toLowerCase());
    if (!known) return { ok: false, unknown: name };
    value[known] = resource[known];
  }
  return { ok: true, value };
}
