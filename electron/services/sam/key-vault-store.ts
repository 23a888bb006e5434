import { createHash } from 'node:crypto';
import { SecretClient } from '@azure/keyvault-secrets';
import type { Profile } from '../../../shared/profiles/profile';
import type { TokenCredential } from '@azure/identity';
import type { KeyVaultSecretFact } from '../../../shared/health/health-facts';
import { readsByteOrderMark } from './byte-order-mark-policy';
import { knownSecrets } from '../known-secrets';
import { aadstsNumber, classifyError } from './classify-error';
import { destinationPolicy } from './destination-guard';
import { SamError } from './sam-error';

/** Facts recorded with each refresh token version in Key Vault, so a person reading the vault knows its origin. */
export interface RefreshTokenTags {
  readonly user: string;
  readonly tenantId: string;
  readonly appId: string;
  readonly obtainedAt: string;
}

const CONTENT_TYPE = 'application/vnd.sam-desk.refresh-token';

/**
 * How long one Key Vault operation may take, its sign-in and retries included, and how it retries. The Azure SDK sets
 * no deadline of its own, so without one a vault (or its sign-in) that accepts the connection and never answers would
 * hold a redemption, and the saving of its rotated refresh token, forever. Tests shorten these.
 */
export const keyVaultTiming = { deadlineMs: 30_000, maxRetries: 2, retryDelayMs: 1_000 };

/**
 * A client for the profile's vault. Callers have verified the profile against its binding (app-credential.ts loads
 * the credential every vault operation needs); each request is then held to the vault's origin, next links included.
 */
function client(profile: Profile, credential: TokenCredential): SecretClient {
  if (!profile.keyVault) throw new SamError('key-vault-not-found', { reason: 'not-configured' });
  return new SecretClient(profile.keyVault.vaultUrl, credential, {
    // Outside Microsoft's clouds (the local emulators) the challenge names vault.azure.net, not the vault's host.
    disableChallengeResourceVerification: profile.cloud.kind === 'custom',
    retryOptions: { maxRetries: keyVaultTiming.maxRetries, retryDelayInMs: keyVaultTiming.retryDelayMs },
    additionalPolicies: [...readsByteOrderMark.additionalPolicies, destinationPolicy([new URL(profile.keyVault.vaultUrl).origin], 'key-vault')],
  });
}

/**
 * Runs one Key Vault operation within the deadline. The SDK is handed the deadline's signal (which stops its requests
 * and retries), and the operation is also abandoned at the deadline whatever the SDK does with it: @azure/identity's
 * sign-in behind the vault's challenge does not stop on a signal, and retries a failing Entra for many seconds.
 */
function withinDeadline<T>(operation: (options: { readonly abortSignal: AbortSignal }) => Promise<T>): Promise<T> {
  const abortSignal = AbortSignal.timeout(keyVaultTiming.deadlineMs);
  return new Promise<T>((resolve, reject) => {
    const onTimeout = (): void => reject(new SamError('key-vault-failed', { reason: 'timeout' }));
    abortSignal.addEventListener('abort', onTimeout, { once: true });
    operation({ abortSignal })
      .then(resolve, reject)
      .finally(() => abortSignal.removeEventListener('abort', onTimeout));
  });
}

/** What a write did: the version that now holds the token, and whether this write created it. */
export interface KeyVaultWrite {
  readonly version: string;
  readonly written: boolean;
}

/** A refresh token's SHA-256 digest: how two are compared without keeping either. */
export const tokenDigest = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * Writes the refresh token as a new version of the profile's secret (earlier versions stay), unless the vault's current
 * version already holds this very token: every version is a live credential, so a copy is one more to guard. The two
 * are compared by SHA-256 digest. `currentDigest`: the digest of what the caller just read as the current version (a
 * redemption that read its token from the vault); when it is another token's, the two are known to differ and no
 * second read is needed. Otherwise the current version is read for the comparison, its value held only for that; one
 * that cannot be read (none yet, disabled, no `get` permission, a failure) counts as different, and the write goes
 * ahead as it always did.
 */
export async function writeRefreshTokenToKeyVault(profile: Profile, credential: TokenCredential, token: string, tags: RefreshTokenTags, currentDigest?: string): Promise<KeyVaultWrite> {
  const secrets = client(profile, credential);
  const name = profile.keyVault?.secretName ?? '';
  // Unless known to differ, the current version is read to compare.
  if (currentDigest === undefined || currentDigest === tokenDigest(token)) {
    const current = await withinDeadline(({ abortSignal }) => secrets.getSecret(name, { abortSignal })).catch(() => null);
    knownSecrets.remember(current?.value);
    if (current && typeof current.value === 'string' && current.properties.version && tokenDigest(current.value) === tokenDigest(token)) return { version: current.properties.version, written: false };
  }
  try {
    const saved = await withinDeadline(({ abortSignal }) =>
      secrets.setSecret(name, token, {
        abortSignal,
        contentType: CONTENT_TYPE,
        tags: { user: tags.user, tenantId: tags.tenantId, appId: tags.appId, obtainedAt: tags.obtainedAt, writtenBy: 'SAM Desk' },
      }),
    );
    return { version: saved.properties.version ?? '', written: true };
  } catch (error) {
    throw keyVaultError(error);
  }
}

/**
 * The latest refresh token in Key Vault, or null when the secret does not exist yet. An answer without a usable value
 * (none, empty, not a string) is a failed read, not an absent secret: the caller falls back to the keychain's copy.
 */
export async function readRefreshTokenFromKeyVault(profile: Profile, credential: TokenCredential): Promise<string | null> {
  try {
    const { value } = (await withinDeadline(({ abortSignal }) => client(profile, credential).getSecret(profile.keyVault?.secretName ?? '', { abortSignal }))) as { value?: unknown };
    if (typeof value !== 'string' || value === '') throw new SamError('key-vault-failed', { reason: 'no-value' });
    knownSecrets.remember(value);
    return value;
  } catch (error) {
    const mapped = keyVaultError(error);
    if (mapped.code === 'key-vault-not-found' && mapped.detail.reason === 'secret') return null;
    throw mapped;
  }
}

/** The inner error code of a Key Vault answer (`{"error":{"innererror":{"code"}}}`), as the SDK keeps the body. */
function innerCode(error: unknown): string | null {
  const details = (error as { details?: unknown }).details as { error?: { innererror?: { code?: unknown } } } | undefined;
  const code = details?.error?.innererror?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Key Vault's answers as SamErrors: 403 names the permission the identity lacks, 404 tells vault from secret.
 * `permission`: what the operation needs (Microsoft's REST reference names it), for a 403 whose words the SDK did not
 * keep (a failed page of a listing carries only the status).
 */
export function keyVaultError(error: unknown, permission = 'required'): SamError {
  if (error instanceof SamError) return error;
  const candidate = error as { statusCode?: number; code?: string; message?: string; name?: string };
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  // A disabled version refuses reads with 403 too, but no permission would help: Enable does.
  if (candidate.statusCode === 403 && (innerCode(error) === 'SecretDisabled' || /disabled secret/i.test(message))) return new SamError('key-vault-secret-disabled');
  // Writing to a soft-deleted secret's name: only recovering (or purging) it frees the name.
  if (candidate.statusCode === 409 && (innerCode(error) === 'ObjectIsDeletedButRecoverable' || /deleted but recoverable/i.test(message))) return new SamError('key-vault-secret-deleted');
  if (candidate.statusCode === 403) {
    return new SamError('key-vault-forbidden', { permission: /does not have secrets (\w+) permission/.exec(message)?.[1] ?? permission });
  }
  if (candidate.statusCode === 404) return new SamError('key-vault-not-found', { reason: candidate.code === 'SecretNotFound' ? 'secret' : 'vault' });
  if (candidate.statusCode === 401) return new SamError('key-vault-unauthorized');
  if (candidate.statusCode === 429) return new SamError('key-vault-throttled');
  // The deadline above ran out (a vault or sign-in that does not answer).
  if (candidate.name === 'AbortError' || candidate.name === 'TimeoutError') return new SamError('key-vault-failed', { reason: 'timeout' });
  // The app's sign-in for Key Vault could not reach Entra at all (@azure/identity wraps msal's endpoints_resolution_error
  // as CredentialUnavailableError): Microsoft was not reached, which says nothing about the vault.
  if (candidate.name === 'CredentialUnavailableError' && /endpoints_resolution_error|network_error|ECONNRE|ENOTFOUND|fetch failed/.test(message)) return new SamError('network');
  // The app's own sign-in for Key Vault failed (expired secret, wrong tenant): that is an Entra error.
  if (candidate.name === 'AuthenticationError' || aadstsNumber(error) !== null) return classifyError(error);
  const classified = classifyError(error);
  return classified.code === 'network' ? classified : new SamError('key-vault-failed', candidate.statusCode ? { status: candidate.statusCode } : {});
}

/** One version of the profile's refresh-token secret, as listed (never its value). */
export interface RefreshTokenVersion {
  readonly version: string;
  readonly createdAt: Date | null;
  readonly enabled: boolean;
  readonly tags: Record<string, string>;
}

/**
 * The versions of the profile's refresh-token secret, through one SecretClient (one sign-in for a listing and the
 * updates that follow it).
 */
export function refreshTokenVersions(profile: Profile, credential: TokenCredential) {
  const secrets = client(profile, credential);
  const name = profile.keyVault?.secretName ?? '';
  return {
    /**
     * Every version (all pages), newest first: dates and tags, never values. Key Vault lists versions in no particular
     * order and dates them to the second, so versions written in the same second are ordered by the time SAM Desk
     * obtained the token (its `obtainedAt` tag), when they carry one.
     */
    async listAll(): Promise<RefreshTokenVersion[]> {
      const versions: RefreshTokenVersion[] = [];
      try {
        await withinDeadline(async ({ abortSignal }) => {
          for await (const properties of secrets.listPropertiesOfSecretVersions(name, { abortSignal })) {
            versions.push({ version: properties.version ?? '', createdAt: properties.createdOn ?? null, enabled: properties.enabled ?? true, tags: { ...properties.tags } });
          }
        });
      } catch (error) {
        throw keyVaultError(error, 'list');
      }
      const obtained = (version: RefreshTokenVersion): number => Date.parse(version.tags.obtainedAt ?? '') || 0;
      return versions.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || obtained(b) - obtained(a));
    },
    /**
     * Enables or disables one version (updateSecretProperties; needs the `set` permission). Versions are disabled, never
     * deleted: a disabled one can be enabled again.
     */
    async setEnabled(version: string, enabled: boolean): Promise<void> {
      try {
        await withinDeadline(({ abortSignal }) => secrets.updateSecretProperties(name, version, { enabled, abortSignal }));
      } catch (error) {
        throw keyVaultError(error, 'set');
      }
    },
  };
}

export interface KeyVaultSecretReading {
  readonly fact: KeyVaultSecretFact;
  /** The current version's value when it could be read: compared in main, never kept. */
  readonly token: string | null;
}

const isoOrNull = (date: Date | undefined): string | null => (date ? date.toISOString() : null);

/**
 * The secret as automation finds it: the current version with its dates, or why there is none. A 404 is told apart
 * from a soft delete by asking for the deleted secret (which needs the `get` permission too); an unreadable vault
 * keeps the code that says why, and the permission a 403 names.
 */
export async function readKeyVaultSecret(profile: Profile, credential: TokenCredential): Promise<KeyVaultSecretReading> {
  const name = profile.keyVault?.secretName ?? '';
  try {
    const secret = (await withinDeadline(({ abortSignal }) => client(profile, credential).getSecret(name, { abortSignal }))) as { value?: unknown; properties: { version?: string; notBefore?: Date; expiresOn?: Date } };
    if (typeof secret.value !== 'string' || secret.value === '') throw new SamError('key-vault-failed', { reason: 'no-value' });
    // Read to judge the secret, never used here: still a secret this process holds, so no log line may carry it.
    knownSecrets.remember(secret.value);
    return { fact: { status: 'current', version: secret.properties.version ?? '', notBefore: isoOrNull(secret.properties.notBefore), expiresAt: isoOrNull(secret.properties.expiresOn) }, token: secret.value };
  } catch (error) {
    const mapped = keyVaultError(error);
    if (mapped.code === 'key-vault-secret-disabled') return { fact: { status: 'disabled', version: null }, token: null };
    if (mapped.code === 'key-vault-not-found' && mapped.detail.reason === 'secret') return { fact: await deletedOrMissing(profile, credential), token: null };
    const permission = mapped.code === 'key-vault-forbidden' && typeof mapped.detail.permission === 'string' ? mapped.detail.permission : null;
    // A vault (or its sign-in) that never answered within the deadline was not reached: that says nothing about it.
    const code = mapped.code === 'key-vault-failed' && mapped.detail.reason === 'timeout' ? 'network' : mapped.code;
    return { fact: { status: 'unreadable', code, permission }, token: null };
  }
}

async function deletedOrMissing(profile: Profile, credential: TokenCredential): Promise<KeyVaultSecretFact> {
  try {
    const deleted = await withinDeadline(({ abortSignal }) => client(profile, credential).getDeletedSecret(profile.keyVault?.secretName ?? '', { abortSignal }));
    return { status: 'soft-deleted', deletedAt: isoOrNull(deleted.deletedOn), purgeAt: isoOrNull(deleted.scheduledPurgeDate) };
  } catch {
    // Not deleted either (or the deleted secret may not be read): there is no secret automation could read.
    return { status: 'missing' };
  }
}

/** Recovers the soft-deleted secret with all its versions (the `recover` permission); resolves once it is readable. */
export async function recoverRefreshTokenSecret(profile: Profile, credential: TokenCredential): Promise<void> {
  try {
    await withinDeadline(async ({ abortSignal }) => {
      const poller = await client(profile, credential).beginRecoverDeletedSecret(profile.keyVault?.secretName ?? '', { abortSignal, intervalInMs: 250 });
      await poller.pollUntilDone({ abortSignal });
    });
  } catch (error) {
    throw keyVaultError(error);
  }
}

/**
 * Enables the secret's newest version (the one a read of "latest" returns), through one client for the listing and the
 * update. Returns the version enabled.
 */
export async function enableNewestRefreshTokenVersion(profile: Profile, credential: TokenCredential): Promise<string> {
  const versions = refreshTokenVersions(profile, credential);
  const [newest] = await versions.listAll();
  if (!newest) throw new SamError('key-vault-not-found', { reason: 'secret' });
  await versions.setEnabled(newest.version, true);
  return newest.version;
}
