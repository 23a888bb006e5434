import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { importEnvelopeSchema, PROFILE_EXPORT_FORMAT, PROFILE_EXPORT_VERSION, secretLikeMemberNames, toExportedProfile, type ProfileExport } from '../../../shared/profiles/export-format';
import { bindingOf, unboundFields, type EndpointBinding } from '../../../shared/profiles/endpoint-binding';
import { isGuid, profileSchema, validateProfileInput, type Profile, type ProfileInput, type ProfileValidationError } from '../../../shared/profiles/profile';
import { sharedAccessTokenAccounts } from '../sam/shared-access-tokens';
import { endpointBindings, type StoredBinding } from '../secrets/endpoint-bindings';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { ProfileError } from './profile-errors';
import type { DamagedFileReport, ProfileFile } from './profile-file';
import type { ResolveTenant } from './tenant-resolver';

/**
 * Connection profiles: list, create, edit, duplicate, delete, export and import, with every rule checked on the
 * way in. The settings file holds no secret; the client secret and certificate password are write-only here (kept
 * in the SecretVault under secretAccounts.*, never returned) and never exported or imported. Writes are serialized,
 * and each one re-reads the file first, so two saves never lose each other's change.
 *
 * Secrets are bound to the endpoints they were entered for (shared/profiles/endpoint-binding.ts, the record in the
 * keychain: secrets/endpoint-bindings.ts). An edit that points the profile anywhere else — sign-in host, tenant, app,
 * Partner Center, Graph or Key Vault — must carry the client secret (or the certificate's password) again, and drops
 * the refresh tokens consented for the old endpoints; a copy keeps its original's binding.
 *
 * Validation problems are returned ({ ok: false, errors }), each naming its field and a `profiles.*` message key.
 * Thrown: ProfileError ('not-found', 'file-unreadable', 'file-unwritable', 'file-newer-version', 'keychain-failed').
 */

/** Write-only secrets: undefined or empty keeps what is stored, a value replaces it, null deletes it. */
export interface ProfileSecrets {
  readonly clientSecret?: string | null | undefined;
  readonly certificatePassword?: string | null | undefined;
}

export type SaveResult =
  | {
      readonly ok: true;
      readonly profile: Profile;
      /**
       * The endpoints changed, so the refresh tokens consented for the old ones were dropped (the keychain's copy
       * deleted, Key Vault's no longer used): a new consent is needed.
       */
      readonly refreshTokenCleared: boolean;
    }
  | { readonly ok: false; readonly errors: readonly ProfileValidationError[] };

export interface ProfileListing {
  readonly profiles: readonly Profile[];
  /** Set for the rest of the session once the settings file was found damaged and moved aside. */
  readonly damaged: DamagedFileReport | null;
}

/** Which secrets the keychain holds for a profile; never their values. */
export interface StoredSecrets {
  readonly clientSecret: boolean;
  readonly certificatePassword: boolean;
  readonly refreshToken: boolean;
}

export interface RemoveResult {
  /** The profile is gone, but deleting one of its keychain entries failed (show profiles.errors.keychainCleanup). */
  readonly keychainCleanupFailed: boolean;
}

export type ImportEntryResult =
  | {
      readonly index: number;
      readonly status: 'imported';
      readonly profile: Profile;
      /** What the profile still needs on this computer (profiles.import.*): a client secret, its certificate file. */
      readonly notices: readonly ProfileValidationError[];
    }
  | { readonly index: number; readonly status: 'rejected'; readonly displayName: string | null; readonly errors: readonly ProfileValidationError[] };

export type ImportFileErrorKey = 'profiles.errors.importNotJson' | 'profiles.errors.importFormat' | 'profiles.errors.importNewerVersion' | 'profiles.errors.importTooLarge';

export type ImportResult =
  | { readonly ok: true; readonly imported: number; readonly rejected: number; readonly entries: readonly ImportEntryResult[] }
  | { readonly ok: false; readonly messageKey: ImportFileErrorKey; readonly values: Readonly<Record<string, string | number>> };

export interface ProfileService {
  list(): Promise<ProfileListing>;
  get(id: string): Promise<Profile | null>;
  storedSecrets(id: string): Promise<StoredSecrets>;
  create(input: unknown, secrets?: ProfileSecrets): Promise<SaveResult>;
  update(id: string, input: unknown, secrets?: ProfileSecrets): Promise<SaveResult>;
  /** A copy with a new id, named newName or "<name> (copy)", with the client secret and certificate password (not the refresh token). */
  duplicate(id: string, newName?: string): Promise<SaveResult>;
  /** Deletes the profile and its keychain entries: client secret, certificate password, refresh token. */
  remove(id: string): Promise<RemoveResult>;
  /** The chosen profiles (all when ids is absent) in the export format of shared/profiles/export-format.ts: no secrets. */
  exportProfiles(ids?: readonly string[]): Promise<string>;
  /** Adds valid entries with new ids; reports each entry. Secrets in the file are never imported. */
  importProfiles(json: string): Promise<ImportResult>;
}

export interface ProfileServiceDeps {
  readonly file: ProfileFile;
  readonly vault: SecretVault;
  readonly resolveTenant: ResolveTenant;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** True when the path is a file this account can read; defaults to the file system. */
  readonly isReadableFile?: (path: string) => Promise<boolean>;
}

export const MAX_IMPORT_PROFILES = 1000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const COPY_SUFFIX = ' (copy)';
const MAX_NAME_LENGTH = 100;

export async function isReadableFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

export function createProfileService(deps: ProfileServiceDeps): ProfileService {
  const { file, vault, resolveTenant } = deps;
  const bindings = endpointBindings(vault);
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const readable = deps.isReadableFile ?? isReadableFile;
  let damaged: DamagedFileReport | null = null;

  // One file operation at a time, in call order; a failed one does not block the next.
  let queue: Promise<unknown> = Promise.resolve();
  function serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function load(): Promise<Profile[]> {
    const contents = await file.read();
    if (contents.damaged) damaged = contents.damaged;
    return [...contents.profiles];
  }

  async function keychain<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new ProfileError('keychain-failed', {}, { cause: error });
    }
  }

  /** Best effort, after the file was saved: a failure leaves a stale keychain entry, not a broken profile. */
  async function forget(accounts: readonly string[]): Promise<boolean> {
    const results = await Promise.allSettled(accounts.map((account) => vault.delete(account)));
    return results.every((result) => result.status === 'fulfilled');
  }

  function unusedId(profiles: readonly Profile[]): string {
    for (;;) {
      const id = newId();
      // The file's schema requires UUIDs: any other id would make the saved profile unreadable.
      if (!profileSchema.shape.id.safeParse(id).success) throw new TypeError('newId() must return a UUID');
      if (!profiles.some((profile) => profile.id === id)) return id;
    }
  }

  /** Rules on the certificate file that need this computer: an absolute path to a readable file. */
  async function certificateErrors(value: ProfileInput): Promise<ProfileValidationError[]> {
    if (value.credential.kind !== 'certificate') return [];
    const { path } = value.credential;
    if (!isAbsolute(path)) return [{ field: 'credential.path', messageKey: 'profiles.validation.certificatePathRelative' }];
    return (await readable(path)) ? [] : [{ field: 'credential.path', messageKey: 'profiles.validation.certificateUnreadable', values: { path } }];
  }

  /**
   * Validates input and secrets together, so the person sees every problem at once; then the certificate file and,
   * only when all else is right, the tenant lookup (the one rule that needs the network); last, whether the stored
   * secret may stay (the endpoints within its binding) or has to be entered again.
   */
  async function validate(
    input: unknown,
    secrets: ProfileSecrets,
    current: StoredState | null,
  ): Promise<
    | { ok: true; value: ProfileInput; tenantId: string; endpoints: EndpointBinding; rebind: false }
    /** `bound`: the binding the edit moves away from. */
    | { ok: true; value: ProfileInput; tenantId: string; endpoints: EndpointBinding; rebind: true; bound: Exclude<StoredBinding, null> }
    | { ok: false; errors: ProfileValidationError[] }
  > {
    const checked = validateProfileInput(input);
    const errors = checked.ok ? [] : [...checked.errors];
    const kind = checked.ok ? checked.value.credential.kind : credentialKindOf(input);
    const clientSecret = normalizeClientSecret(secrets.clientSecret);
    if (kind === 'secret') {
      if (clientSecret === null || (clientSecret === undefined && !current?.hasClientSecret)) {
        errors.push({ field: 'clientSecret', messageKey: 'profiles.validation.clientSecret' });
      } else if (clientSecret !== undefined && isGuid(clientSecret)) {
        errors.push({ field: 'clientSecret', messageKey: 'profiles.validation.clientSecretIsId' });
      }
    }
    if (!checked.ok) return { ok: false, errors };
    errors.push(...(await certificateErrors(checked.value)));
    if (errors.length > 0) return { ok: false, errors };

    const { value } = checked;
    let tenantId: string;
    if (current && current.profile.tenant === value.tenant && sameCloud(current.profile.cloud, value.cloud)) tenantId = current.profile.tenantId;
    else {
      const resolved = await resolveTenant(value.tenant, value.cloud);
      if (!resolved.ok) return { ok: false, errors: [{ field: 'tenant', messageKey: resolved.messageKey, values: resolved.values }] };
      tenantId = resolved.tenantId;
    }
    const endpoints = bindingOf({ ...value, tenantId });
    if (current === null || (current.bound !== 'unreadable' && unboundFields(current.bound, endpoints).length === 0)) return { ok: true, value, tenantId, endpoints, rebind: false };
    const again = secretToEnterAgain(value, secrets, current);
    return again ? { ok: false, errors: [again] } : { ok: true, value, tenantId, endpoints, rebind: true, bound: current.bound };
  }

  /** What is stored for a profile that the rules for editing it read: its secrets' presence and their binding. */
  async function storedState(profile: Profile): Promise<StoredState> {
    const [clientSecret, certificatePassword, bound] = await keychain(() =>
      Promise.all([vault.get(secretAccounts.clientSecret(profile.id)), vault.get(secretAccounts.certificatePassword(profile.id)), bindings.credential(profile)]),
    );
    return { profile, hasClientSecret: clientSecret !== null, hasCertificatePassword: certificatePassword !== null, bound };
  }

  /** Drops the refresh tokens of the old endpoints: the keychain's copy, and the binding that let Key Vault's be used. */
  async function forgetTokens(id: string): Promise<boolean> {
    const [deleted, unbound] = await Promise.all([vault.delete(secretAccounts.refreshToken(id)).catch(() => false), bindings.unbindTokens(id).catch(() => false)]);
    return deleted || unbound;
  }

  /** Stores the secrets given for this credential kind; returns the accounts written (to undo on failure). */
  async function storeSecrets(id: string, value: ProfileInput, secrets: ProfileSecrets): Promise<string[]> {
    const writes: [string, string][] = [];
    const clientSecret = normalizeClientSecret(secrets.clientSecret);
    const password = secrets.certificatePassword;
    if (value.credential.kind === 'secret' && typeof clientSecret === 'string') writes.push([secretAccounts.clientSecret(id), clientSecret]);
    if (value.credential.kind === 'certificate' && typeof password === 'string' && password !== '') writes.push([secretAccounts.certificatePassword(id), password]);
    const written: string[] = [];
    try {
      for (const [account, secret] of writes) {
        await keychain(() => vault.set(account, secret));
        written.push(account);
      }
    } catch (error) {
      await forget(written);
      throw error;
    }
    return written;
  }

  /** Secrets the profile no longer uses once saved: the other credential kind's, and a password set to null. */
  function unusedSecretAccounts(id: string, value: ProfileInput, secrets: ProfileSecrets): string[] {
    const accounts: string[] = [];
    if (value.credential.kind !== 'secret') accounts.push(secretAccounts.clientSecret(id));
    if (value.credential.kind !== 'certificate' || secrets.certificatePassword === null) accounts.push(secretAccounts.certificatePassword(id));
    return accounts;
  }

  function findOrThrow(profiles: readonly Profile[], id: string): Profile {
    const found = profiles.find((profile) => profile.id === id);
    if (!found) throw new ProfileError('not-found', { id });
    return found;
  }

  return {
    async list() {
      const profiles = await serialize(load);
      return { profiles, damaged };
    },

    async get(id) {
      const profiles = await serialize(load);
      return profiles.find((profile) => profile.id === id) ?? null;
    },

    async storedSecrets(id) {
      const [clientSecret, certificatePassword, refreshToken] = await keychain(() =>
        Promise.all([vault.get(secretAccounts.clientSecret(id)), vault.get(secretAccounts.certificatePassword(id)), vault.get(secretAccounts.refreshToken(id))]),
      );
      return { clientSecret: clientSecret !== null, certificatePassword: certificatePassword !== null, refreshToken: refreshToken !== null };
    },

    async create(input, secrets = {}) {
      const checked = await validate(input, secrets, null);
      if (!checked.ok) return checked;
      return serialize(async () => {
        const profiles = await load();
        const at = now().toISOString();
        const profile = toProfile(unusedId(profiles), checked.value, checked.tenantId, at, at);
        const written = await storeSecrets(profile.id, checked.value, secrets);
        try {
          await keychain(() => bindings.bindCredential(profile.id, checked.endpoints));
          written.push(secretAccounts.credentialBinding(profile.id));
          await file.write([...profiles, profile]);
        } catch (error) {
          await forget(written);
          throw error;
        }
        return { ok: true, profile, refreshTokenCleared: false };
      });
    },

    async update(id, input, secrets = {}) {
      const before = findOrThrow(await serialize(load), id);
      const checked = await validate(input, secrets, await storedState(before));
      if (!checked.ok) return checked;
      return serialize(async () => {
        const profiles = await load();
        const existing = findOrThrow(profiles, id);
        const profile = toProfile(id, checked.value, checked.tenantId, existing.createdAt, now().toISOString());
        // The binding first, then the secret, then the file: until all three agree every use is refused, so neither
        // the old secret nor the new one can reach the other endpoints. A save that failed at the file needs no secret
        // the second time: the keychain holds the new one, bound to where the profile is going. One that failed at
        // the secret puts the old binding back, so the old secret is never bound elsewhere.
        if (checked.rebind) await keychain(() => bindings.bindCredential(id, checked.endpoints));
        try {
          // Secrets before the file: if the file cannot be saved, the keychain holds the newer secret just typed.
          await storeSecrets(id, checked.value, secrets);
        } catch (error) {
          if (checked.rebind) await bindings.restoreCredential(id, checked.bound).catch(() => undefined);
          throw error;
        }
        await file.write(profiles.map((candidate) => (candidate.id === id ? profile : candidate)));
        await forget(unusedSecretAccounts(id, checked.value, secrets));
        // Refresh tokens belong to the endpoints they were consented for: for other ones they are not used again.
        const refreshTokenCleared = checked.rebind && (await forgetTokens(id));
        return { ok: true, profile, refreshTokenCleared };
      });
    },

    async duplicate(id, newName) {
      return serialize(async () => {
        const profiles = await load();
        const source = findOrThrow(profiles, id);
        const displayName = newName === undefined ? copyName(source.displayName, profiles) : newName.trim();
        if (displayName.length === 0 || displayName.length > MAX_NAME_LENGTH) return { ok: false, errors: [{ field: 'displayName', messageKey: 'profiles.validation.displayName' }] };
        const at = now().toISOString();
        const copy: Profile = { ...source, id: unusedId(profiles), displayName, createdAt: at, updatedAt: at };
        // The copy's secrets stay bound where the original's are: pointing the copy elsewhere needs them entered again.
        const bound = await keychain(() => bindings.credential(source));
        const written: string[] = [];
        try {
          // A binding that cannot be read binds to nothing: the copy gets no secret it could not be held to.
          for (const account of bound === 'unreadable' ? [] : [secretAccounts.clientSecret, secretAccounts.certificatePassword]) {
            const secret = await keychain(() => vault.get(account(source.id)));
            if (secret === null) continue;
            await keychain(() => vault.set(account(copy.id), secret));
            written.push(account(copy.id));
          }
          if (bound !== 'unreadable') {
            await keychain(() => bindings.bindCredential(copy.id, bound));
            written.push(secretAccounts.credentialBinding(copy.id));
            // Not the keychain's refresh token, but a Key Vault secret both name was consented for these same endpoints.
            const tokens = await keychain(() => bindings.tokens(source.id));
            if (tokens !== null && tokens !== 'unreadable') {
              await keychain(() => bindings.bindTokens(copy.id, tokens));
              written.push(secretAccounts.tokenBinding(copy.id));
            }
          }
          await file.write([...profiles, copy]);
        } catch (error) {
          await forget(written);
          throw error;
        }
        return { ok: true, profile: copy, refreshTokenCleared: false };
      });
    },

    async remove(id) {
      return serialize(async () => {
        const profiles = await load();
        findOrThrow(profiles, id);
        await file.write(profiles.filter((profile) => profile.id !== id));
        // The access tokens it shared with SAM Desk's other processes go too (their line, their list of resources).
        const accessTokens = await sharedAccessTokenAccounts(vault, id);
        const cleaned = await forget([
          secretAccounts.clientSecret(id),
          secretAccounts.certificatePassword(id),
          secretAccounts.refreshToken(id),
          secretAccounts.cacheKey(id),
          secretAccounts.credentialBinding(id),
          secretAccounts.tokenBinding(id),
          ...accessTokens,
        ]);
        return { keychainCleanupFailed: !cleaned };
      });
    },

    async exportProfiles(ids) {
      const profiles = await serialize(load);
      const chosen = ids === undefined ? profiles : ids.map((id) => findOrThrow(profiles, id));
      const contents: ProfileExport = { format: PROFILE_EXPORT_FORMAT, version: PROFILE_EXPORT_VERSION, exportedAt: now().toISOString(), profiles: chosen.map(toExportedProfile) };
      return `${JSON.stringify(contents, null, 2)}\n`;
    },

    async importProfiles(json) {
      const tooLarge = { ok: false, messageKey: 'profiles.errors.importTooLarge', values: { max: MAX_IMPORT_PROFILES, megabytes: MAX_IMPORT_BYTES / 1024 / 1024 } } as const;
      if (json.length > MAX_IMPORT_BYTES) return tooLarge;
      let data: unknown;
      try {
        data = JSON.parse(json.replace(/^\uFEFF/, ''));
      } catch {
        return { ok: false, messageKey: 'profiles.errors.importNotJson', values: {} };
      }
      const version = (data as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && Number.isInteger(version) && version > PROFILE_EXPORT_VERSION) return { ok: false, messageKey: 'profiles.errors.importNewerVersion', values: { version } };
      const envelope = importEnvelopeSchema.safeParse(data);
      if (!envelope.success) return { ok: false, messageKey: 'profiles.errors.importFormat', values: {} };
      if (envelope.data.profiles.length > MAX_IMPORT_PROFILES) return tooLarge;

      const accepted: { index: number; value: ProfileInput; tenantId: string; notices: ProfileValidationError[] }[] = [];
      const rejected: ImportEntryResult[] = [];
      for (const [index, entry] of envelope.data.profiles.entries()) {
        const outcome = await checkImportEntry(entry);
        if (outcome.ok) accepted.push({ index, ...outcome });
        else rejected.push({ index, status: 'rejected', displayName: displayNameOf(entry), errors: outcome.errors });
      }

      const imported = await serialize(async () => {
        const profiles = await load();
        const at = now().toISOString();
        const added = accepted.map(({ index, value, tenantId, notices }) => {
          const profile = toProfile(unusedId(profiles), value, tenantId, at, at);
          profiles.push(profile);
          return { index, status: 'imported' as const, profile, notices };
        });
        if (added.length > 0) await file.write(profiles);
        return added;
      });
      const entries = [...imported, ...rejected].sort((a, b) => a.index - b.index);
      return { ok: true, imported: imported.length, rejected: rejected.length, entries };
    },
  };

  /** One import entry: the input rules, its tenant id (exported with it, or looked up), and what it still needs here. */
  async function checkImportEntry(entry: unknown): Promise<{ ok: true; value: ProfileInput; tenantId: string; notices: ProfileValidationError[] } | { ok: false; errors: ProfileValidationError[] }> {
    const checked = validateProfileInput(entry);
    const errors = checked.ok ? [] : [...checked.errors];
    const rawTenantId = typeof entry === 'object' && entry !== null ? (entry as { tenantId?: unknown }).tenantId : undefined;
    let tenantId: string | null = null;
    if (rawTenantId !== undefined) {
      if (typeof rawTenantId === 'string' && isGuid(rawTenantId.trim())) tenantId = rawTenantId.trim().toLowerCase();
      else errors.push({ field: 'tenantId', messageKey: 'profiles.validation.tenantId' });
    }
    if (!checked.ok || errors.length > 0) return { ok: false, errors };
    const { value } = checked;
    if (tenantId !== null && isGuid(value.tenant) && tenantId !== value.tenant) return { ok: false, errors: [{ field: 'tenantId', messageKey: 'profiles.validation.tenantId' }] };
    if (tenantId === null) {
      const resolved = await resolveTenant(value.tenant, value.cloud);
      if (!resolved.ok) return { ok: false, errors: [{ field: 'tenant', messageKey: resolved.messageKey, values: resolved.values }] };
      tenantId = resolved.tenantId;
    }
    const notices: ProfileValidationError[] = [];
    if (value.credential.kind === 'secret') notices.push({ field: 'clientSecret', messageKey: 'profiles.import.needsClientSecret' });
    if (value.credential.kind === 'certificate' && (await certificateErrors(value)).length > 0) {
      notices.push({ field: 'credential.path', messageKey: 'profiles.import.needsCertificate', values: { path: value.credential.path } });
    }
    const secretNames = secretMembersOf(entry);
    if (secretNames.length > 0) notices.push({ field: 'profile', messageKey: 'profiles.import.secretsIgnored', values: { names: secretNames.join(', ') } });
    return { ok: true, value, tenantId, notices };
  }
}

/** What the edit rules read of a stored profile. */
interface StoredState {
  readonly profile: Profile;
  readonly hasClientSecret: boolean;
  readonly hasCertificatePassword: boolean;
  /** Where its secrets are bound (a profile saved before bindings existed is bound to itself as it is now). */
  readonly bound: Exclude<StoredBinding, null>;
}

/**
 * The secret an edit into other endpoints has to carry, when it does not: the client secret, or the password of a
 * certificate that has one stored (null removes the password: nothing stored is then kept). A certificate without a
 * password holds no secret SAM Desk could ask for again: its binding moves with the edit, its tokens are dropped.
 */
function secretToEnterAgain(value: ProfileInput, secrets: ProfileSecrets, current: StoredState): ProfileValidationError | null {
  if (value.credential.kind === 'secret') {
    return typeof normalizeClientSecret(secrets.clientSecret) === 'string' ? null : { field: 'clientSecret', messageKey: 'profiles.validation.clientSecretRebind' };
  }
  const password = secrets.certificatePassword;
  if (!current.hasCertificatePassword || password === null || (typeof password === 'string' && password !== '')) return null;
  return { field: 'certificatePassword', messageKey: 'profiles.validation.certificatePasswordRebind' };
}

function toProfile(id: string, value: ProfileInput, tenantId: string, createdAt: string, updatedAt: string): Profile {
  return {
    id,
    displayName: value.displayName,
    tenant: value.tenant,
    tenantId,
    clientId: value.clientId,
    credential: value.credential,
    keyVault: value.keyVault,
    keychain: value.keychain,
    redirectPort: value.redirectPort,
    cloud: value.cloud,
    createdAt,
    updatedAt,
  };
}

/** Entra secret values hold no whitespace, so spaces around a pasted one are a copying accident; blank means "not given". */
function normalizeClientSecret(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function credentialKindOf(input: unknown): unknown {
  const credential = typeof input === 'object' && input !== null ? (input as { credential?: unknown }).credential : undefined;
  return typeof credential === 'object' && credential !== null ? (credential as { kind?: unknown }).kind : undefined;
}

function sameCloud(a: Profile['cloud'], b: Profile['cloud']): boolean {
  if (a.kind !== 'custom' || b.kind !== 'custom') return a.kind === b.kind;
  return a.authorityHost === b.authorityHost && a.partnerCenterUrl === b.partnerCenterUrl && a.keyVaultSuffix === b.keyVaultSuffix;
}

/** "<name> (copy)", or "(copy 2)", "(copy 3)"… when taken, shortened to fit the name limit. */
function copyName(name: string, profiles: readonly Profile[]): string {
  const taken = new Set(profiles.map((profile) => profile.displayName));
  for (let number = 1; ; number += 1) {
    const suffix = number === 1 ? COPY_SUFFIX : ` (copy ${String(number)})`;
    const candidate = `${name.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function displayNameOf(entry: unknown): string | null {
  const name = typeof entry === 'object' && entry !== null ? (entry as { displayName?: unknown }).displayName : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, MAX_NAME_LENGTH) : null;
}

/** Names of secret-looking members in an entry or its credential (their values are never read). */
function secretMembersOf(entry: unknown): string[] {
  const names = new Set<string>();
  const scan = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) if ((secretLikeMemberNames as readonly string[]).includes(key)) names.add(key);
  };
  scan(entry);
  scan(typeof entry === 'object' && entry !== null ? (entry as { credential?: unknown }).credential : undefined);
  scan(typeof entry === 'object' && entry !== null ? (entry as { keyVault?: unknown }).keyVault : undefined);
  return [...names];
}
