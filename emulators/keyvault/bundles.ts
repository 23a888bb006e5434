import { RECOVERABLE_DAYS, type SecretRecord, type SecretVersion } from './store';

/**
 * The JSON the service returns for secrets, built from store records. Shapes follow the REST API:
 * - SecretBundle (get/set/update/recover): `{value?, id, contentType?, tags?, attributes}`, `id` naming the version;
 * - SecretItem (lists): no value; `/secrets` items name the secret (no version), `/versions` items name the version;
 * - DeletedSecretBundle / DeletedSecretItem: plus `recoveryId`, `deletedDate`, `scheduledPurgeDate`.
 * Times are unix seconds. Optional properties are omitted rather than sent as null, as the service does.
 */
type Json = Record<string, unknown>;

export function secretBundle(vault: string, record: SecretRecord, version: SecretVersion, withValue: boolean): Json {
  return {
    ...(withValue ? { value: version.value } : {}),
    id: `${vault}/secrets/${record.name}/${version.id}`,
    ...common(version),
  };
}

/** An item of GET /secrets: the secret as its latest version describes it. */
export function secretItem(vault: string, record: SecretRecord): Json {
  const latest = latestOf(record);
  return { id: `${vault}/secrets/${record.name}`, ...common(latest) };
}

/** An item of GET /secrets/{name}/versions. */
export function versionItem(vault: string, record: SecretRecord, version: SecretVersion): Json {
  return { id: `${vault}/secrets/${record.name}/${version.id}`, ...common(version) };
}

/** The deleted secret as DELETE /secrets/{name} and GET /deletedsecrets/{name} return it (no value). */
export function deletedSecretBundle(vault: string, record: SecretRecord): Json {
  return { ...deletion(vault, record), ...secretBundle(vault, record, latestOf(record), false) };
}

export function deletedSecretItem(vault: string, record: SecretRecord): Json {
  return { ...deletion(vault, record), ...secretItem(vault, record) };
}

function deletion(vault: string, record: SecretRecord): Json {
  if (!record.deletion) return {};
  return {
    recoveryId: `${vault}/deletedsecrets/${record.name}`,
    deletedDate: record.deletion.deletedDate,
    scheduledPurgeDate: record.deletion.scheduledPurgeDate,
  };
}

function common(version: SecretVersion): Json {
  return {
    ...(version.contentType !== undefined ? { contentType: version.contentType } : {}),
    ...(version.tags !== undefined ? { tags: version.tags } : {}),
    attributes: {
      enabled: version.enabled,
      ...(version.notBefore !== undefined ? { nbf: version.notBefore } : {}),
      ...(version.expires !== undefined ? { exp: version.expires } : {}),
      created: version.created,
      updated: version.updated,
      recoveryLevel: 'Recoverable+Purgeable',
      recoverableDays: RECOVERABLE_DAYS,
    },
  };
}

function latestOf(record: SecretRecord): SecretVersion {
  const latest = record.versions.at(-1);
  // The store never keeps a secret without a version; a failure here is a store bug, not a client error.
  if (!latest) throw new Error(`secret ${record.name} has no versions`);
  return latest;
}
