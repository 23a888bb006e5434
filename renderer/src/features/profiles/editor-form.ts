import type { MethodRequest } from '../../../../shared/ipc/contract';
import type { CloudKind } from '../../../../shared/profiles/clouds';
import { DEFAULT_REDIRECT_PORT, isGuid, validateProfileInput, type Profile, type ProfileField } from '../../../../shared/profiles/profile';
import { endpointsChanged } from './endpoint-change';

/**
 * The profile editor's form: every input as the person typed it (strings and choices), turned into a
 * ProfileInput and checked with profileInputSchema on submit. Secrets are write-only: they start empty, and an
 * empty secret on edit keeps the stored one.
 */
export type StorageChoice = 'keychain' | 'keyVault' | 'both';
export type PortMode = 'fixed' | 'any';

export interface EditorForm {
  readonly displayName: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly credentialKind: 'secret' | 'certificate';
  readonly clientSecret: string;
  readonly certificatePath: string;
  readonly thumbprint: string;
  readonly certificatePassword: string;
  readonly storage: StorageChoice;
  readonly vaultUrl: string;
  readonly secretName: string;
  readonly keyVaultAccess: 'app' | 'admin' | 'azure-cli';
  readonly portMode: PortMode;
  readonly port: string;
  readonly cloudKind: CloudKind;
  readonly authorityHost: string;
  readonly partnerCenterUrl: string;
  readonly keyVaultSuffix: string;
  /** Optional: empty leaves it out of the profile. */
  readonly graphUrl: string;
}

/** The form's inputs an error can stand under; `form` is for errors about the whole entry. */
export type FormField = keyof EditorForm | 'form';

/** One message to show: t(messageKey, values). */
export interface FieldMessage {
  readonly messageKey: string;
  readonly values?: Readonly<Record<string, string | number>>;
}
export type FormErrors = Partial<Record<FormField, readonly FieldMessage[]>>;

export const emptyForm: EditorForm = {
  displayName: '',
  tenant: '',
  clientId: '',
  credentialKind: 'secret',
  clientSecret: '',
  certificatePath: '',
  thumbprint: '',
  certificatePassword: '',
  storage: 'keychain',
  vaultUrl: '',
  secretName: '',
  keyVaultAccess: 'app',
  portMode: 'fixed',
  port: String(DEFAULT_REDIRECT_PORT),
  cloudKind: 'public',
  authorityHost: '',
  partnerCenterUrl: '',
  keyVaultSuffix: '',
  graphUrl: '',
};

export function formFromProfile(profile: Profile): EditorForm {
  return {
    ...emptyForm,
    displayName: profile.displayName,
    tenant: profile.tenant,
    clientId: profile.clientId,
    credentialKind: profile.credential.kind,
    ...(profile.credential.kind === 'certificate' ? { certificatePath: profile.credential.path, thumbprint: profile.credential.thumbprint } : {}),
    storage: profile.keyVault ? (profile.keychain ? 'both' : 'keyVault') : 'keychain',
    ...(profile.keyVault ? { vaultUrl: profile.keyVault.vaultUrl, secretName: profile.keyVault.secretName, keyVaultAccess: profile.keyVault.access } : {}),
    portMode: profile.redirectPort === 'any' ? 'any' : 'fixed',
    port: profile.redirectPort === 'any' ? String(DEFAULT_REDIRECT_PORT) : String(profile.redirectPort),
    cloudKind: profile.cloud.kind,
    ...(profile.cloud.kind === 'custom'
      ? { authorityHost: profile.cloud.authorityHost, partnerCenterUrl: profile.cloud.partnerCenterUrl, keyVaultSuffix: profile.cloud.keyVaultSuffix, graphUrl: profile.cloud.graphUrl ?? '' }
      : {}),
  };
}

/** A port as typed: digits only become a number; anything else stays NaN so the schema names the field. */
function portNumber(value: string): number {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
}

/** The form as the contract's ProfileInput shape (unchecked: the schema decides). */
export function toInputShape(form: EditorForm): unknown {
  return {
    displayName: form.displayName,
    tenant: form.tenant,
    clientId: form.clientId,
    credential: form.credentialKind === 'secret' ? { kind: 'secret' } : { kind: 'certificate', path: form.certificatePath, thumbprint: form.thumbprint },
    keyVault: form.storage === 'keychain' ? null : { vaultUrl: form.vaultUrl, secretName: form.secretName, access: form.keyVaultAccess },
    keychain: form.storage !== 'keyVault',
    redirectPort: form.portMode === 'any' ? 'any' : portNumber(form.port),
    cloud:
      form.cloudKind === 'custom'
        ? { kind: 'custom', authorityHost: form.authorityHost, partnerCenterUrl: form.partnerCenterUrl, keyVaultSuffix: form.keyVaultSuffix, ...(form.graphUrl.trim() === '' ? {} : { graphUrl: form.graphUrl }) }
        : { kind: form.cloudKind },
  };
}

type Secrets = MethodRequest<'profiles.create'>['secrets'];

/** Only the secrets this credential kind uses, and only when typed (empty keeps the stored one). */
export function secretsOf(form: EditorForm): Secrets {
  if (form.credentialKind === 'secret') return form.clientSecret.trim() === '' ? {} : { clientSecret: form.clientSecret.trim() };
  return form.certificatePassword === '' ? {} : { certificatePassword: form.certificatePassword };
}

const fieldMap: Readonly<Record<ProfileField, FormField>> = {
  profile: 'form',
  displayName: 'displayName',
  tenant: 'tenant',
  tenantId: 'tenant',
  clientId: 'clientId',
  'credential.kind': 'credentialKind',
  'credential.path': 'certificatePath',
  'credential.thumbprint': 'thumbprint',
  clientSecret: 'clientSecret',
  certificatePassword: 'certificatePassword',
  keyVault: 'vaultUrl',
  'keyVault.vaultUrl': 'vaultUrl',
  'keyVault.secretName': 'secretName',
  'keyVault.access': 'keyVaultAccess',
  keychain: 'storage',
  redirectPort: 'port',
  'cloud.kind': 'cloudKind',
  'cloud.authorityHost': 'authorityHost',
  'cloud.partnerCenterUrl': 'partnerCenterUrl',
  'cloud.keyVaultSuffix': 'keyVaultSuffix',
  'cloud.graphUrl': 'graphUrl',
};

/** Errors from the schema or from main (`{ field, messageKey, values }`), grouped by the input they belong under. */
export function groupErrors(errors: readonly { readonly field: string; readonly messageKey: string; readonly values?: Readonly<Record<string, string | number>> | undefined }[]): FormErrors {
  const grouped: Partial<Record<FormField, FieldMessage[]>> = {};
  for (const error of errors) {
    const field = Object.hasOwn(fieldMap, error.field) ? fieldMap[error.field as ProfileField] : 'form';
    const list = (grouped[field] ??= []);
    if (list.some((existing) => existing.messageKey === error.messageKey)) continue;
    list.push(error.values ? { messageKey: error.messageKey, values: error.values } : { messageKey: error.messageKey });
  }
  return grouped;
}

export type FormCheck =
  | { readonly ok: true; readonly input: MethodRequest<'profiles.create'>['input']; readonly secrets: Secrets }
  | { readonly ok: false; readonly errors: FormErrors };

/**
 * Checks the form before it is sent: the profile schema, plus the client secret a new profile (or one without a
 * stored secret) needs, and the one an edit into other endpoints needs again (`initial`: the form as the profile was
 * opened; null for a new one). Main checks all of this again, and the tenant, the certificate file and a certificate's
 * stored password besides.
 */
export function checkForm(form: EditorForm, hasStoredClientSecret: boolean, initial: EditorForm | null = null): FormCheck {
  const checked = validateProfileInput(toInputShape(form));
  const errors: { field: string; messageKey: string; values?: Readonly<Record<string, string | number>> | undefined }[] = checked.ok ? [] : [...checked.errors];
  if (form.credentialKind === 'secret') {
    const secret = form.clientSecret.trim();
    if (secret === '' && !hasStoredClientSecret) errors.push({ field: 'clientSecret', messageKey: 'profiles.validation.clientSecret' });
    else if (secret === '' && initial !== null && endpointsChanged(initial, form)) errors.push({ field: 'clientSecret', messageKey: 'profiles.validation.clientSecretRebind' });
    else if (secret !== '' && isGuid(secret)) errors.push({ field: 'clientSecret', messageKey: 'profiles.validation.clientSecretIsId' });
  }
  if (!checked.ok || errors.length > 0) return { ok: false, errors: groupErrors(errors) };
  return { ok: true, input: checked.value, secrets: secretsOf(form) };
}
