import { randomBytes } from 'node:crypto';

/**
 * The emulated vault's secrets: each name holds a list of versions (every set adds one; old ones stay readable,
 * which is how a lost refresh token can be found again), and soft delete keeps a deleted secret, all its versions
 * included, recoverable for 90 days. Times are unix seconds of the cloud clock, passed in by the caller, so the
 * control API's "advance the clock" reaches the scheduled purge date like real time would.
 *
 * This file knows nothing of HTTP: routes.ts turns its results into the service's JSON and status codes.
 */

/** Object names in Key Vault: 1-127 characters of 0-9, a-z, A-Z and '-'. */
export const SECRET_NAME_PATTERN = /^[0-9a-zA-Z-]{1,127}$/;

/** A soft-delete-enabled vault without purge protection keeps deleted objects this long (the default retention). */
export const RECOVERABLE_DAYS = 90;
const RECOVERABLE_SECONDS = RECOVERABLE_DAYS * 86_400;

export function isValidSecretName(name: string): boolean {
  return SECRET_NAME_PATTERN.test(name);
}

export interface SecretVersion {
  /** 32 lower-case hex characters, as the real service mints them. */
  readonly id: string;
  readonly value: string;
  contentType: string | undefined;
  tags: Readonly<Record<string, string>> | undefined;
  enabled: boolean;
  notBefore: number | undefined;
  expires: number | undefined;
  readonly created: number;
  updated: number;
}

export interface SecretRecord {
  /** The name as first written: lookups ignore case, as Key Vault's do, but the stored spelling is what ids show. */
  readonly name: string;
  /** Oldest first. */
  readonly versions: SecretVersion[];
  deletion: { readonly deletedDate: number; readonly scheduledPurgeDate: number } | undefined;
}

export interface SecretInput {
  readonly value: string;
  readonly contentType?: string | undefined;
  readonly tags?: Readonly<Record<string, string>> | undefined;
  readonly enabled?: boolean | undefined;
  readonly notBefore?: number | undefined;
  readonly expires?: number | undefined;
}

/** PATCH semantics: a property left undefined is left unchanged. The value can never be changed this way. */
export type SecretPatch = Omit<SecretInput, 'value'>;

export type SetOutcome = { readonly ok: true; readonly record: SecretRecord; readonly version: SecretVersion } | { readonly ok: false; readonly reason: 'deleted' };

export class KeyVaultStore {
  private readonly records = new Map<string, SecretRecord>();

  /** Adds a new version (creating the secret on first use); refused while the name is deleted but recoverable. */
  set(name: string, input: SecretInput, now: number): SetOutcome {
    this.purgeExpired(now);
    const key = name.toLowerCase();
    let record = this.records.get(key);
    if (record?.deletion) return { ok: false, reason: 'deleted' };
    if (!record) {
      record = { name, versions: [], deletion: undefined };
      this.records.set(key, record);
    }
    const version: SecretVersion = {
      id: randomBytes(16).toString('hex'),
      value: input.value,
      contentType: input.contentType,
      tags: input.tags,
      enabled: input.enabled ?? true,
      notBefore: input.notBefore,
      expires: input.expires,
      created: now,
      updated: now,
    };
    record.versions.push(version);
    return { ok: true, record, version };
  }

  /** A live (not deleted) secret. */
  secret(name: string, now: number): SecretRecord | undefined {
    this.purgeExpired(now);
    const record = this.records.get(name.toLowerCase());
    return record && !record.deletion ? record : undefined;
  }

  /** One version of a live secret; no version (or '') means the latest. */
  version(name: string, versionId: string | undefined, now: number): { record: SecretRecord; version: SecretVersion } | undefined {
    const record = this.secret(name, now);
    if (!record) return undefined;
    const version = versionId ? record.versions.find((candidate) => candidate.id === versionId.toLowerCase()) : record.versions.at(-1);
    return version ? { record, version } : undefined;
  }

  update(name: string, versionId: string | undefined, patch: SecretPatch, now: number): { record: SecretRecord; version: SecretVersion } | undefined {
    const found = this.version(name, versionId, now);
    if (!found) return undefined;
    const { version } = found;
    if (patch.contentType !== undefined) version.contentType = patch.contentType;
    if (patch.tags !== undefined) version.tags = patch.tags;
    if (patch.enabled !== undefined) version.enabled = patch.enabled;
    if (patch.notBefore !== undefined) version.notBefore = patch.notBefore;
    if (patch.expires !== undefined) version.expires = patch.expires;
    version.updated = now;
    return found;
  }

  /** Live secrets, ordered by lower-cased name (the order paging relies on). */
  list(now: number): SecretRecord[] {
    this.purgeExpired(now);
    return this.sorted().filter((record) => !record.deletion);
  }

  /** Soft delete: the secret and all its versions move to the deleted state. */
  delete(name: string, now: number): SecretRecord | undefined {
    const record = this.secret(name, now);
    if (!record) return undefined;
    record.deletion = { deletedDate: now, scheduledPurgeDate: now + RECOVERABLE_SECONDS };
    return record;
  }

  deleted(name: string, now: number): SecretRecord | undefined {
    this.purgeExpired(now);
    const record = this.records.get(name.toLowerCase());
    return record?.deletion ? record : undefined;
  }

  listDeleted(now: number): SecretRecord[] {
    this.purgeExpired(now);
    return this.sorted().filter((record) => record.deletion);
  }

  recover(name: string, now: number): SecretRecord | undefined {
    const record = this.deleted(name, now);
    if (!record) return undefined;
    record.deletion = undefined;
    return record;
  }

  /** Permanent removal; only a deleted secret can be purged. */
  purge(name: string, now: number): boolean {
    const record = this.deleted(name, now);
    if (!record) return false;
    this.records.delete(name.toLowerCase());
    return true;
  }

  /** Names of live secrets (for the control API and tests). */
  secretNames(): string[] {
    return this.sorted()
      .filter((record) => !record.deletion)
      .map((record) => record.name);
  }

  /** The latest value of a live secret, for tests that check what the app wrote; undefined when absent or deleted. */
  latest(name: string): string | undefined {
    const record = this.records.get(name.toLowerCase());
    return record && !record.deletion ? record.versions.at(-1)?.value : undefined;
  }

  /** How many versions a live secret has (0 when absent or deleted). */
  versionCount(name: string): number {
    const record = this.records.get(name.toLowerCase());
    return record && !record.deletion ? record.versions.length : 0;
  }

  reset(): void {
    this.records.clear();
  }

  /** The service purges a deleted secret by itself once its scheduled purge date has passed. */
  private purgeExpired(now: number): void {
    for (const [key, record] of this.records) {
      if (record.deletion && record.deletion.scheduledPurgeDate <= now) this.records.delete(key);
    }
  }

  private sorted(): SecretRecord[] {
    return [...this.records.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
  }
}
