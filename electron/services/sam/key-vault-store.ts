import { SecretClient } from '@azure/keyvault-secrets';
import type { Profile } from '../../../shared/profiles/profile';
import type { TokenCredential } from '@azure/identity';
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
    additionalPolicies: [destinationPolicy([new URL(profile.keyVault.vaultUrl).origin], 'key-vault')],
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

/** Writes the refresh token as a new version of the profile's secret; earlier versions stay. Returns the version id. */
export async function writeRefreshTokenToKeyVault(profile: Profile, credential: TokenCredential, token: string, tags: RefreshTokenTags): Promise<string> {
  try {
    const saved = await withinDeadline(({ abortSignal }) =>
      client(profile, credential).setSecret(profile.keyVault?.secretName ?? '', token, {
        abortSignal,
        contentType: CONTENT_TYPE,
        tags: { user: tags.user, tenantId: tags.tenantId, appId: tags.appId, obtainedAt: tags.obtainedAt, writtenBy: 'SAM Desk' },
      }),
    );
    return saved.properties.version ?? '';
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
    return value;
  } catch (error) {
    const mapped = keyVaultError(error);
    if (mapped.code === 'key-vault-not-found' && mapped.detail.reason === 'secret') return null;
    throw mapped;
  }
}

/** Key Vault's answers as SamErrors: 403 names the permission the identity lacks, 404 tells vault from secret. */
export function keyVaultError(error: unknown): SamError {
  if (error instanceof SamError) return error;
  const candidate = error as { statusCode?: number; code?: string; message?: string; name?: string };
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  if (candidate.statusCode === 403) {
    const permission = /does not have secrets (\w+) permission/.exec(message)?.[1] ?? 'required';
    return new SamError('key-vault-forbidden', { permission });
  }
  if (candidate.statusCode === 404) return new SamError('key-vault-not-found', { reason: candidate.code === 'SecretNotFound' ? 'secret' : 'vault' });
  if (candidate.statusCode === 401) return new SamError('key-vault-unauthorized');
  if (candidate.statusCode === 429) return new SamError('key-vault-throttled');
  // The deadline above ran out (a vault or sign-in that does not answer).
  if (candidate.name === 'AbortError' || candidate.name === 'TimeoutError') return new SamError('key-vault-failed', { reason: 'timeout' });
  // The app's own sign-in for Key Vault failed (expired secret, wrong tenant): that is an Entra error.
  if (candidate.name === 'AuthenticationError' || aadstsNumber(error) !== null) return classifyError(error);
  const classified = classifyError(error);
  return classified.code === 'network' ? classified : new SamError('key-vault-failed', candidate.statusCode ? { status: candidate.statusCode } : {});
}

/** The versions of the profile's refresh-token secret, newest first (at most `limit`): dates and tags, never values. */
export async function listRefreshTokenVersions(profile: Profile, credential: TokenCredential, limit = 50): Promise<Array<{ version: string; createdAt: Date | null; enabled: boolean; tags: Record<string, string> }>> {
  const versions: Array<{ version: string; createdAt: Date | null; enabled: boolean; tags: Record<string, string> }> = [];
  try {
    await withinDeadline(async ({ abortSignal }) => {
      for await (const properties of client(profile, credential).listPropertiesOfSecretVersions(profile.keyVault?.secretName ?? '', { abortSignal })) {
        versions.push({ version: properties.version ?? '', createdAt: properties.createdOn ?? null, enabled: properties.enabled ?? true, tags: { ...properties.tags } });
      }
    });
  } catch (error) {
    throw keyVaultError(error);
  }
  return versions.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0)).slice(0, limit);
}
