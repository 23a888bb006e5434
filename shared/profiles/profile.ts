import { z } from 'zod';
import { endpointsFor } from './clouds';

/**
 * A connection profile: everything SAM Desk needs to consent for and redeem a partner's refresh token, except the
 * secrets themselves (the client secret, a PFX password and refresh tokens live in the OS keychain, keyed by the
 * profile id). Validation messages are i18n keys under `profiles.validation.*`, so the renderer and the CLI both
 * name the field and the fix in the user's language.
 */
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const domain = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** Key Vault secret names: 1–127 characters, letters, digits and dashes. */
export const keyVaultSecretName = /^[0-9a-zA-Z-]{1,127}$/;
/** Key Vault names: 3–24 characters, letters, digits and dashes, starting with a letter, no double dash. */
export const keyVaultName = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

/**
 * Every validation message key (under `profiles.validation.`). shared/i18n/profiles-en.ts must have exactly these
 * keys (a compile error otherwise), so a key produced here always has a text.
 */
export const profileValidationKeys = [
  'profile',
  'displayName',
  'tenant',
  'tenantId',
  'clientId',
  'credentialKind',
  'certificatePath',
  'certificatePathRelative',
  'certificateUnreadable',
  'thumbprint',
  'clientSecret',
  'clientSecretIsId',
  'clientSecretRebind',
  'certificatePassword',
  'certificatePasswordRebind',
  'keyVault',
  'vaultUrl',
  'vaultUrlCloud',
  'secretName',
  'keyVaultAccess',
  'storage',
  'redirectPort',
  'cloudKind',
  'authorityHost',
  'partnerCenterUrl',
  'keyVaultSuffix',
  'graphUrl',
] as const;
export type ProfileValidationKey = (typeof profileValidationKeys)[number];

/** Errors reported on a field that are not about what was typed (under `profiles.errors.`): the tenant lookup. */
export const tenantLookupErrorKeys = ['tenantNotFound', 'tenantWrongCloud', 'tenantNetwork', 'tenantTimeout', 'tenantUntrusted', 'tenantBadAnswer'] as const;
export type TenantLookupErrorKey = (typeof tenantLookupErrorKeys)[number];

/** Notes on an imported profile that still needs something on this computer (under `profiles.import.`). */
export const importNoticeKeys = ['needsClientSecret', 'needsCertificate', 'secretsIgnored'] as const;
export type ImportNoticeKey = (typeof importNoticeKeys)[number];

export type ProfileMessageKey = `profiles.validation.${ProfileValidationKey}` | `profiles.errors.${TenantLookupErrorKey}` | `profiles.import.${ImportNoticeKey}`;

/**
 * The fields a message can be about, as dotted paths into ProfileInput, plus the two write-only secrets, the
 * imported `tenantId`, and `profile` (an import entry that is not a profile at all).
 */
export const profileFields = [
  'profile',
  'displayName',
  'tenant',
  'tenantId',
  'clientId',
  'credential.kind',
  'credential.path',
  'credential.thumbprint',
  'clientSecret',
  'certificatePassword',
  'keyVault',
  'keyVault.vaultUrl',
  'keyVault.secretName',
  'keyVault.access',
  'keychain',
  'redirectPort',
  'cloud.kind',
  'cloud.authorityHost',
  'cloud.partnerCenterUrl',
  'cloud.keyVaultSuffix',
  'cloud.graphUrl',
] as const;
export type ProfileField = (typeof profileFields)[number];

/** One problem with one field: the renderer shows t(messageKey, values) next to the field. */
export interface ProfileValidationError {
  readonly field: ProfileField;
  readonly messageKey: ProfileMessageKey;
  /** Interpolation values for the message (never a secret). */
  readonly values?: Readonly<Record<string, string | number>>;
}

const validation = (key: ProfileValidationKey): `profiles.validation.${ProfileValidationKey}` => `profiles.validation.${key}`;

const isHttpsUrl = (value: string, originOnly: boolean): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.search === '' && url.hash === '' && (!originOnly || url.pathname === '/');
  } catch {
    return false;
  }
};

const httpsUrl = (key: string, originOnly = false) =>
  z
    .string(key)
    .trim()
    .refine((value) => isHttpsUrl(value, originOnly), key);

/** Keeps a vault URL as its origin plus "/" (lower-case host), the form the portal shows as "Vault URI". */
const normalizeVaultUrl = (value: string): string => {
  try {
    const url = new URL(value);
    return url.pathname === '/' && url.search === '' && url.hash === '' ? `${url.origin}/` : value;
  } catch {
    return value;
  }
};

/** Certificate thumbprints copied from Windows' certificate manager carry spaces and an invisible U+200E mark. */
const normalizeThumbprint = (value: string): string => value.replace(/[\s:\u200e\u200f\ufeff]/g, '').toUpperCase();

export const cloudSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('public') }),
    z.object({ kind: z.literal('usgov') }),
    z.object({ kind: z.literal('china') }),
    z.object({
      kind: z.literal('custom'),
      /** The Entra authority's origin, e.g. https://login.example.com (no tenant, no path). */
      authorityHost: httpsUrl(validation('authorityHost'), true),
      partnerCenterUrl: httpsUrl(validation('partnerCenterUrl')),
      keyVaultSuffix: z
        .string(validation('keyVaultSuffix'))
        .trim()
        .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, validation('keyVaultSuffix')),
      /**
       * Microsoft Graph's base without /v1.0, e.g. https://graph.microsoft.com: optional (profiles saved before it
       * existed have none); without it token health does not read the app credential's expiry from Graph.
       */
      graphUrl: httpsUrl(validation('graphUrl')).optional(),
    }),
  ],
  { error: validation('cloudKind') },
);
export type CloudChoice = z.infer<typeof cloudSchema>;

export const credentialSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('secret') }),
    z.object({
      kind: z.literal('certificate'),
      /** A PEM (certificate + private key) or PFX file on this computer. */
      path: z
        .string(validation('certificatePath'))
        .trim()
        .min(1, validation('certificatePath'))
        .regex(/\.(pem|pfx|p12)$/i, validation('certificatePath')),
      /** SHA-1 thumbprint as the Azure portal shows it (40 hex characters; stored upper-case, without separators). */
      thumbprint: z
        .string(validation('thumbprint'))
        .overwrite(normalizeThumbprint)
        .regex(/^[0-9A-F]{40}$/, validation('thumbprint')),
    }),
  ],
  { error: validation('credentialKind') },
);
export type CredentialChoice = z.infer<typeof credentialSchema>;

export const keyVaultTargetSchema = z.object(
  {
    vaultUrl: httpsUrl(validation('vaultUrl')).overwrite(normalizeVaultUrl),
    secretName: z.string(validation('secretName')).trim().regex(keyVaultSecretName, validation('secretName')),
    /** Whose identity writes to Key Vault: the app's credential, or the admin's own account (a separate sign-in). */
    access: z.enum(['app', 'admin', 'azure-cli'], validation('keyVaultAccess')),
  },
  validation('keyVault'),
);
export type KeyVaultTarget = z.infer<typeof keyVaultTargetSchema>;

/**
 * The vault URL shape each cloud accepts: https://<vault-name>.<keyVaultSuffix>/ (a valid vault name, nothing after
 * the host). A custom cloud whose suffix carries a port (the local emulators' localhost:47302) is one vault at
 * https://<suffix>/, which is also accepted.
 */
export function vaultUrlFitsCloud(vaultUrl: string, cloud: CloudChoice): boolean {
  let url: URL;
  try {
    url = new URL(vaultUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.pathname !== '/' || url.search !== '' || url.hash !== '') return false;
  const suffix = endpointsFor(cloud).keyVaultSuffix.toLowerCase();
  const host = url.host.toLowerCase();
  if (/:\d+$/.test(suffix) && host === suffix) return true;
  if (!host.endsWith(`.${suffix}`)) return false;
  return keyVaultName.test(host.slice(0, -(suffix.length + 1)));
}

/** What a vault URL should look like in this cloud, for the message. */
export function vaultUrlExample(cloud: CloudChoice): string {
  const suffix = endpointsFor(cloud).keyVaultSuffix.toLowerCase();
  return /:\d+$/.test(suffix) ? `https://${suffix}/` : `https://<vault-name>.${suffix}/`;
}

/** The fields a person edits. */
export const profileInputSchema = z
  .object(
    {
      displayName: z.string(validation('displayName')).trim().min(1, validation('displayName')).max(100, validation('displayName')),
      /** The partner tenant as typed: a GUID, or a domain such as contoso.onmicrosoft.com (resolved to its GUID on save). */
      tenant: z
        .string(validation('tenant'))
        .trim()
        .overwrite((value) => value.toLowerCase())
        .refine((value) => guid.test(value) || domain.test(value), validation('tenant')),
      clientId: z
        .string(validation('clientId'))
        .trim()
        .overwrite((value) => value.toLowerCase())
        .regex(guid, validation('clientId')),
      credential: credentialSchema,
      keyVault: keyVaultTargetSchema.nullable(),
      keychain: z.boolean(validation('storage')),
      /** The loopback port registered as http://localhost:PORT (8400 is what the old PowerShell module used), or any free port. */
      redirectPort: z.union([z.number().int(validation('redirectPort')).min(1024, validation('redirectPort')).max(65_535, validation('redirectPort')), z.literal('any')], {
        error: validation('redirectPort'),
      }),
      cloud: cloudSchema,
    },
    validation('profile'),
  )
  // Cross-field rules run as soon as the fields they read are valid, so the person sees every problem at once.
  .refine((profile) => profile.keyVault !== null || profile.keychain, {
    message: validation('storage'),
    path: ['keychain'],
    when: (payload) => fieldsValid(payload, ['keyVault', 'keychain']),
  })
  .superRefine((profile, context) => {
    if (profile.keyVault === null || vaultUrlFitsCloud(profile.keyVault.vaultUrl, profile.cloud)) return;
    context.addIssue({ code: 'custom', message: validation('vaultUrlCloud'), path: ['keyVault', 'vaultUrl'], params: { example: vaultUrlExample(profile.cloud) } });
  }, { when: (payload) => fieldsValid(payload, ['keyVault', 'cloud']) });
export type ProfileInput = z.infer<typeof profileInputSchema>;

/** True when the value is an object and none of the issues so far concern the top-level fields named. */
function fieldsValid(payload: { readonly value: unknown; readonly issues: readonly { readonly path?: readonly PropertyKey[] | undefined }[] }, fields: readonly string[]): boolean {
  if (typeof payload.value !== 'object' || payload.value === null) return false;
  return payload.issues.every((issue) => {
    const first = issue.path?.[0];
    return first !== undefined && !fields.includes(String(first));
  });
}

/** A saved profile: the input plus its id, the resolved tenant id and timestamps. */
export const profileSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  tenant: z.string(),
  tenantId: z.string().regex(guid),
  clientId: z.string(),
  credential: credentialSchema,
  keyVault: keyVaultTargetSchema.nullable(),
  keychain: z.boolean(),
  redirectPort: z.union([z.number().int(), z.literal('any')]),
  cloud: cloudSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

export const DEFAULT_REDIRECT_PORT = 8400;

export function isGuid(value: string): boolean {
  return guid.test(value);
}

/** The message key for a field when zod's issue carries none of ours (a wrong type deep inside, an unknown shape). */
const fallbackKeys: Readonly<Record<ProfileField, ProfileValidationKey>> = {
  profile: 'profile',
  displayName: 'displayName',
  tenant: 'tenant',
  tenantId: 'tenantId',
  clientId: 'clientId',
  'credential.kind': 'credentialKind',
  'credential.path': 'certificatePath',
  'credential.thumbprint': 'thumbprint',
  clientSecret: 'clientSecret',
  certificatePassword: 'certificatePassword',
  keyVault: 'keyVault',
  'keyVault.vaultUrl': 'vaultUrl',
  'keyVault.secretName': 'secretName',
  'keyVault.access': 'keyVaultAccess',
  keychain: 'storage',
  redirectPort: 'redirectPort',
  'cloud.kind': 'cloudKind',
  'cloud.authorityHost': 'authorityHost',
  'cloud.partnerCenterUrl': 'partnerCenterUrl',
  'cloud.keyVaultSuffix': 'keyVaultSuffix',
  'cloud.graphUrl': 'graphUrl',
};

const isField = (value: string): value is ProfileField => (profileFields as readonly string[]).includes(value);
const isValidationMessage = (value: string): value is `profiles.validation.${ProfileValidationKey}` =>
  value.startsWith('profiles.validation.') && (profileValidationKeys as readonly string[]).includes(value.slice('profiles.validation.'.length));

/** The field a zod issue is about: its path, or the nearest enclosing field we name. */
function fieldOf(path: readonly PropertyKey[]): ProfileField {
  for (let length = path.length; length > 0; length -= 1) {
    const candidate = path.slice(0, length).map(String).join('.');
    if (isField(candidate)) return candidate;
    // A missing credential or cloud object is a missing choice of kind.
    const kind = `${candidate}.kind`;
    if (isField(kind)) return kind;
  }
  return 'profile';
}

/** zod issues as field-level errors with our message keys, one per field and key. */
export function toValidationErrors(issues: readonly z.core.$ZodIssue[]): ProfileValidationError[] {
  const errors: ProfileValidationError[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    const messageKey = isValidationMessage(issue.message) ? issue.message : validation(fallbackKeys[field]);
    const params = issue.code === 'custom' ? (issue.params as Record<string, string | number> | undefined) : undefined;
    if (errors.some((error) => error.field === field && error.messageKey === messageKey)) continue;
    errors.push({ field, messageKey, ...(params ? { values: params } : {}) });
  }
  return errors;
}

export type ProfileInputValidation = { readonly ok: true; readonly value: ProfileInput } | { readonly ok: false; readonly errors: readonly ProfileValidationError[] };

/** Validates what a person typed (the renderer calls this for live feedback; the profile service on every save). */
export function validateProfileInput(input: unknown): ProfileInputValidation {
  const parsed = profileInputSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toValidationErrors(parsed.error.issues) };
}
