import { SecretClient } from '@azure/keyvault-secrets';
import type { Profile } from '../../../shared/profiles/profile';
import type { TokenCredential } from '@azure/identity';
import { aadstsNumber, classifyError } from './classify-error';
import { SamError } from './sam-error';

/** Facts recorded with each refresh token version in Key Vault, so a person reading the vault knows its origin. */
export interface RefreshTokenTags {
  readonly user: string;
  readonly tenantId: string;
  readonly appId: string;
  readonly obtainedAt: string;
}

const CONTENT_TYPE = 'application/vnd.sam-desk.refresh-token';

function client(profile: Profile, credential: TokenCredential): SecretClient {
  if (!profile.keyVault) throw new SamError('key-vault-not-found', { reason: 'not-configured' });
  return new SecretClient(profile.keyVault.vaultUrl, credential, {
    // Outside Microsoft's clouds (the local emulators) the challenge names vault.azure.net, not the vault's host.
    disableChallengeResourceVerification: profile.cloud.kind === 'custom',
    retryOptions: { maxRetries: 2 },
  });
}

/** Writes the refresh token as a new version of the profile's secret; earlier versions stay. Returns the version id. */
export async function writeRefreshTokenToKeyVault(profile: Profile, credential: TokenCredential, token: string, tags: RefreshTokenTags): Promise<string> {
  try {
    const saved = await client(profile, credential).setSecret(profile.keyVault?.secretName ?? '', token, {
      contentType: CONTENT_TYPE,
      tags: { user: tags.user, tenantId: tags.tenantId, appId: tags.appId, obtainedAt: tags.obtainedAt, writtenBy: 'SAM Desk' },
    });
    return saved.properties.version ?? '';
  } catch (error) {
    throw keyVaultError(error);
  }
}

/** The latest refresh token in Key Vault, or null when the secret does not exist yet. */
export async function readRefreshTokenFromKeyVault(profile: Profile, credential: TokenCredential): Promise<string | null> {
  try {
    return (await client(profile, credential).getSecret(profile.keyVault?.secretName ?? '')).value ?? null;
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
  // The app's own sign-in for Key Vault failed (expired secret, wrong tenant): that is an Entra error.
  if (candidate.name === 'AuthenticationError' || aadstsNumber(error) !== null) return classifyError(error);
  const classified = classifyError(error);
  return classified.code === 'network' ? classified : new SamError('key-vault-failed', candidate.statusCode ? { status: candidate.statusCode } : {});
}

/** The versions of the profile's refresh-token secret, newest first (at most `limit`): dates and tags, never values. */
export async function listRefreshTokenVersions(profile: Profile, credential: TokenCredential, limit = 50): Promise<Array<{ version: string; createdAt: Date | null; enabled: boolean; tags: Record<string, string> }>> {
  const versions: Array<{ version: string; createdAt: Date | null; enabled: boolean; tags: Record<string, string> }> = [];
  try {
    for await (const properties of client(profile, credential).listPropertiesOfSecretVersions(profile.keyVault?.secretName ?? '')) {
      versions.push({ version: properties.version ?? '', createdAt: properties.createdOn ?? null, enabled: properties.enabled ?? true, tags: { ...properties.tags } });
    }
  } catch (error) {
    throw keyVaultError(error);
  }
  return versions.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0)).slice(0, limit);
}
