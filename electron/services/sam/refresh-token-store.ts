import type { Profile } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import type { TokenCredential } from '@azure/identity';
import { requireBoundTokens } from './bound-endpoints';
import { classifyError } from './classify-error';
import { readRefreshTokenFromKeyVault, writeRefreshTokenToKeyVault, type RefreshTokenTags } from './key-vault-store';
import { SamError, type SamErrorCode, type SamErrorDetail } from './sam-error';

/**
 * Runs after a refresh token was written to Key Vault as a new version, with the identity that wrote it: version
 * hygiene (key-vault-hygiene.ts). It must not throw; a failure there never changes what the save reports.
 */
export type AfterKeyVaultWrite = (profile: Profile, keyVaultCredential: TokenCredential, version: string) => Promise<void>;

export interface SaveOptions {
  readonly onStep?: (step: 'saving-to-keychain' | 'saving-to-key-vault') => void;
  /** The SHA-256 digest of the token Key Vault's current version was just read to hold, when the caller knows it. */
  readonly keyVaultDigest?: string;
  readonly afterKeyVaultWrite?: AfterKeyVaultWrite;
}

/** What happened in each store when a refresh token was saved. */
export type StoreResult =
  | { readonly status: 'saved'; readonly version?: string }
  | { readonly status: 'not-configured' }
  /** Key Vault failed, so the token was kept in the keychain although the profile does not use it: nothing is lost. */
  | { readonly status: 'kept-as-fallback' }
  | { readonly status: 'failed'; readonly error: SamErrorCode; readonly detail: SamErrorDetail };

export interface SaveOutcome {
  readonly keyVault: StoreResult;
  readonly keychain: StoreResult;
  /** True when Key Vault should be retried from the keychain copy. */
  readonly keyVaultRetryPending: boolean;
}

const failed = (error: unknown): StoreResult => {
  const mapped = classifyError(error);
  return { status: 'failed', error: mapped.code, detail: mapped.detail };
};

/**
 * A save whose Key Vault write failed, as the error to report: the token was redeemed and the keychain keeps it, but
 * automation reads the vault, so Refresh now and `sam-desk refresh` fail with the vault's reason and remedy.
 */
export function keyVaultWriteFailure(saved: SaveOutcome | null | undefined): SamError | null {
  const vault = saved?.keyVault;
  return vault?.status === 'failed' ? new SamError(vault.error, vault.detail) : null;
}

/**
 * Saves a refresh token everywhere the profile keeps it. The keychain goes first: it is local and fast, and if
 * Key Vault then fails the token survives there (even when the profile uses Key Vault only) for a retry.
 * A Key Vault-only profile gets that keychain copy before the vault write too, removed once the vault has the token:
 * a process killed while the write is in flight then still leaves the new token on this computer, for the retry.
 * Throws only when no store kept the token — the one case in which it would be lost.
 */
export async function saveRefreshToken(
  profile: Profile,
  vault: SecretVault,
  /** Whose identity writes to Key Vault: the app's, or the admin's (see key-vault-identity.ts). */
  keyVaultCredential: TokenCredential,
  token: string,
  tags: RefreshTokenTags,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  const onStep = options.onStep ?? (() => undefined);
  // A token answer whose refresh_token is not a string (a broken or hostile response) must not replace a good token.
  if (typeof token !== 'string' || token === '') throw new SamError('identity-service-error', { reason: 'unusable-refresh-token' });
  let keychain: StoreResult = { status: 'not-configured' };
  if (profile.keychain) {
    onStep('saving-to-keychain');
    try {
      await vault.set(secretAccounts.refreshToken(profile.id), token);
      keychain = { status: 'saved' };
    } catch (error) {
      keychain = failed(error);
    }
  }
  let keyVault: StoreResult = { status: 'not-configured' };
  if (profile.keyVault) {
    const account = secretAccounts.refreshToken(profile.id);
    // Key Vault only: the safety copy first, so that a crash during the vault write cannot lose the new token.
    const safetyCopy = profile.keychain ? false : await vault.set(account, token).then(() => true, () => false);
    onStep('saving-to-key-vault');
    try {
      const written = await writeRefreshTokenToKeyVault(profile, keyVaultCredential, token, tags, options.keyVaultDigest);
      keyVault = { status: 'saved', version: written.version };
      if (safetyCopy) await vault.delete(account).catch(() => false);
      if (written.written) await options.afterKeyVaultWrite?.(profile, keyVaultCredential, written.version).catch(() => undefined);
    } catch (error) {
      keyVault = { status: 'failed', error: (error as SamError).code, detail: (error as SamError).detail };
      if (safetyCopy) keychain = { status: 'kept-as-fallback' };
      else if (keychain.status === 'not-configured') {
        try {
          await vault.set(account, token);
          keychain = { status: 'kept-as-fallback' };
        } catch (fallbackError) {
          keychain = failed(fallbackError);
        }
      }
    }
  }
  const kept = [keyVault, keychain].some((result) => result.status === 'saved' || result.status === 'kept-as-fallback');
  if (!kept) {
    const firstFailure = [keyVault, keychain].find((result) => result.status === 'failed');
    throw firstFailure?.status === 'failed' ? new SamError(firstFailure.error, firstFailure.detail) : new SamError('keychain-unavailable');
  }
  return { keyVault, keychain, keyVaultRetryPending: keyVault.status === 'failed' };
}

/**
 * The current refresh token. Key Vault is the shared truth when the profile uses it (automation elsewhere may
 * have rotated the token and written it back); the keychain copy is used when Key Vault is not configured, and as
 * the fallback a failed Key Vault write left behind. Neither is used unless the tokens were consented for the
 * profile's endpoints: after a change of sign-in host, app, tenant or service, Key Vault's copy waits for a new consent.
 */
export async function loadRefreshToken(profile: Profile, vault: SecretVault, keyVaultCredential: TokenCredential): Promise<{ token: string; source: 'key-vault' | 'keychain' }> {
  await requireBoundTokens(profile, vault);
  const local = async (): Promise<string | null> => vault.get(secretAccounts.refreshToken(profile.id));
  if (profile.keyVault) {
    try {
      const remote = await readRefreshTokenFromKeyVault(profile, keyVaultCredential);
      if (remote) return { token: remote, source: 'key-vault' };
    } catch (error) {
      const fallback = await local().catch(() => null);
      if (fallback) return { token: fallback, source: 'keychain' };
      throw error;
    }
  }
  const token = await local();
  if (!token) throw new SamError('no-refresh-token');
  return { token, source: 'keychain' };
}
