import { z } from 'zod';
import type { Profile } from './profile';

/**
 * The profile export format: what "Export" writes and "Import" reads. A JSON object
 *
 *   {
 *     "format": "sam-desk-profiles",
 *     "version": 1,
 *     "exportedAt": "2025-01-02T03:04:05.678Z",
 *     "profiles": [
 *       {
 *         "displayName": "Contoso (production)",
 *         "tenant": "contoso.onmicrosoft.com",
 *         "tenantId": "7b0c…-…",                       // the resolved GUID, so importing needs no network
 *         "clientId": "0d2d7b3b-…",
 *         "credential": { "kind": "secret" }          // or { "kind": "certificate", "path": "C:\\…\\sam.pem", "thumbprint": "AB12…" }
 *         "keyVault": null,                           // or { "vaultUrl": "https://x.vault.azure.net/", "secretName": "…", "access": "app" | "admin" }
 *         "keychain": true,
 *         "redirectPort": 8400,                       // or "any"
 *         "cloud": { "kind": "public" }               // "usgov", "china", or custom with authorityHost, partnerCenterUrl, keyVaultSuffix, graphUrl?
 *       }
 *     ]
 *   }
 *
 * Each entry is a profile's editable fields (as ProfileInput) plus `tenantId`. It never holds a secret (client
 * secret, certificate password, refresh token), a profile id or timestamps: an import gets new ids, and secrets
 * are entered again on the importing computer, where they go to its keychain. Import also accepts a settings file
 * itself ({ "version": 1, "profiles": [...] }, e.g. a repaired profiles.json.damaged-… copy); extra members of
 * entries are ignored, and members that look like secrets are ignored and reported.
 */
export const PROFILE_EXPORT_FORMAT = 'sam-desk-profiles';
export const PROFILE_EXPORT_VERSION = 1;

export interface ExportedProfile {
  readonly displayName: string;
  readonly tenant: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: Profile['credential'];
  readonly keyVault: Profile['keyVault'];
  readonly keychain: boolean;
  readonly redirectPort: Profile['redirectPort'];
  readonly cloud: Profile['cloud'];
}

export interface ProfileExport {
  readonly format: typeof PROFILE_EXPORT_FORMAT;
  readonly version: typeof PROFILE_EXPORT_VERSION;
  readonly exportedAt: string;
  readonly profiles: readonly ExportedProfile[];
}

/** A profile as exported: an explicit list of members, so a field added to Profile later is never exported by accident. */
export function toExportedProfile(profile: Profile): ExportedProfile {
  return {
    displayName: profile.displayName,
    tenant: profile.tenant,
    tenantId: profile.tenantId,
    clientId: profile.clientId,
    credential: profile.credential.kind === 'secret' ? { kind: 'secret' } : { kind: 'certificate', path: profile.credential.path, thumbprint: profile.credential.thumbprint },
    keyVault: profile.keyVault === null ? null : { vaultUrl: profile.keyVault.vaultUrl, secretName: profile.keyVault.secretName, access: profile.keyVault.access },
    keychain: profile.keychain,
    redirectPort: profile.redirectPort,
    cloud: profile.cloud,
  };
}

/** The envelope an import accepts; entries are validated one by one, so one bad entry does not reject the rest. */
export const importEnvelopeSchema = z.object({
  format: z.literal(PROFILE_EXPORT_FORMAT).optional(),
  version: z.number().int().positive(),
  profiles: z.array(z.unknown()),
});

/** Member names that hold secrets in other tools' exports or hand-written files: never imported. */
export const secretLikeMemberNames = ['clientSecret', 'client_secret', 'secret', 'certificatePassword', 'password', 'refreshToken', 'refresh_token', 'accessToken', 'access_token', 'privateKey'] as const;
