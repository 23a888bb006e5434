import { decodeJwtClaims } from './jwt-claims';
import type { Profile } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { classifyError } from './classify-error';
import { keyVaultCredentialFor } from './key-vault-identity';
import { tokenDigest } from './key-vault-store';
import { cachedRefreshToken, createMsalApp, partnerCenterScope } from './msal-app';
import { loadRefreshToken, saveRefreshToken, type AfterKeyVaultWrite, type SaveOutcome } from './refresh-token-store';
import { SamError } from './sam-error';
import { createSharedAccessTokens, type AccessTokenBinding } from './shared-access-tokens';

/** Access tokens are reused until this long before they expire. */
export const ACCESS_TOKEN_MARGIN_MS = 5 * 60_000;

export interface AccessToken {
  readonly token: string;
  readonly expiresOn: Date;
  readonly scopes: readonly string[];
  /**
   * Where the refresh token came from and where its successor went; `memory` when this process redeemed it a moment
   * ago, `cache` when another SAM Desk process did (the keychain's shared copy).
   */
  readonly refreshedFrom: 'key-vault' | 'keychain' | 'memory' | 'cache';
  readonly saved: SaveOutcome | null;
}

export interface TokenDeps {
  readonly getProfile: (id: string) => Promise<Profile>;
  readonly vault: SecretVault;
  readonly now: () => Date;
  /** Each redemption's outcome (not answers from memory or the shared cache): health facts and the audit log follow every use. */
  readonly onRedeemed?: (profileId: string, resource: string | undefined, token: AccessToken) => void;
  readonly onRedeemFailed?: (profileId: string, resource: string | undefined, error: SamError) => void;
  /** Runs after a successor was written to Key Vault as a new version (version hygiene); never fails the redemption. */
  readonly afterKeyVaultWrite?: AfterKeyVaultWrite;
}

/** One finished redemption, with what sharing its access token needs. */
interface Redeemed {
  readonly token: AccessToken;
  readonly epoch: number;
  readonly binding: AccessTokenBinding;
  /** The token line read before the refresh token was; null when the keychain could not tell (then nothing is shared). */
  readonly line: string | null;
}

/**
 * Redeems a profile's stored refresh token for Partner Center access tokens (or another resource the admin
 * consented to: Entra refresh tokens are multi-resource). One redemption at a time per profile: concurrent callers
 * for the same resource share it, and redemptions for different resources wait their turn (two at once would race
 * the rotation). The rotated refresh token is saved to
 * every store before the access token is handed to anyone. Access tokens are kept in memory and shared with SAM Desk's
 * other processes through the keychain (shared-access-tokens.ts), until shortly before they expire.
 */
export function createTokenService(deps: TokenDeps) {
  /** Access tokens in memory, each with the token line it belongs to (null when the keychain could not tell). */
  const cache = new Map<string, { readonly token: AccessToken; readonly line: string | null }>();
  const shared = createSharedAccessTokens(deps.vault, deps.now);
  const inFlight = new Map<string, Promise<AccessToken>>();
  /** How many times each profile's refresh token was actually redeemed (health and tests read it). */
  const redemptions = new Map<string, number>();
  /** The newest refresh token per profile this process has seen: lets an admin-identity Key Vault be opened. */
  const latest = new Map<string, string>();
  /** The last redemption started per profile, so the next one waits for it. */
  const turns = new Map<string, Promise<unknown>>();
  /**
   * Moved on by forget() (a reconsent succeeded, the profile was edited or removed): a redemption that began before
   * works from a superseded refresh token, so its rotated token must not be stored over the newer one, nor its
   * access token kept.
   */
  const epochs = new Map<string, number>();
  const epochOf = (profileId: string): number => epochs.get(profileId) ?? 0;

  const keyOf = (profileId: string, resource: string | undefined): string => `${profileId}|${resource ?? ''}`;
  const fresh = (token: AccessToken | undefined): AccessToken | null => (token && token.expiresOn.getTime() - deps.now().getTime() > ACCESS_TOKEN_MARGIN_MS ? token : null);
  const bindingOf = (profile: Profile, resource: string | undefined): AccessTokenBinding => ({
    profileId: profile.id,
    resource,
    scope: resource ? `${resource.replace(/\/+$/, '')}/.default` : partnerCenterScope(profile),
    tenantId: profile.tenantId,
    clientId: profile.clientId,
  });

  /** The access token held in memory, if still valid and still of the profile's current line (another process may move it on). */
  async function fromMemory(profileId: string, resource: string | undefined): Promise<AccessToken | null> {
    const kept = cache.get(keyOf(profileId, resource));
    const token = fresh(kept?.token);
    return token && kept && (await shared.currentLine(profileId)) === kept.line ? token : null;
  }

  /**
   * Forget a profile's access tokens (after reconsent, or when the profile is edited or deleted), this process's and
   * the copies shared with the others. A redemption still running for it is redone from the stores' token instead of
   * storing its own successor over it. The promise settles once the shared copies are gone; it never rejects.
   */
  function forget(profileId: string): Promise<void> {
    epochs.set(profileId, epochOf(profileId) + 1);
    for (const key of [...cache.keys()]) if (key.startsWith(`${profileId}|`)) cache.delete(key);
    return shared.forget(profileId);
  }

  /** The access token another process redeemed for this profile and resource, when still of the current line and valid. */
  async function fromShared(profileId: string, resource: string | undefined): Promise<AccessToken | null> {
    const epoch = epochOf(profileId);
    const profile = await deps.getProfile(profileId).catch(() => null);
    const found = profile ? await shared.read(bindingOf(profile, resource), ACCESS_TOKEN_MARGIN_MS) : null;
    if (!found) return null;
    const token: AccessToken = { token: found.token, expiresOn: found.expiresOn, scopes: found.scopes, refreshedFrom: 'cache', saved: null };
    // forget() while it was read: hand it to those who asked (they asked before), but do not keep it.
    if (epochOf(profileId) === epoch) cache.set(keyOf(profileId, resource), { token, line: found.line });
    return token;
  }

  /** Redeems until a redemption finishes within one epoch (a reconsent needs a person: this ends at once). */
  async function redeem(profileId: string, resource: string | undefined): Promise<Redeemed> {
    for (let attempt = 1; ; attempt++) {
      const epoch = epochOf(profileId);
      const redeemed = await redeemOnce(profileId, resource, () => epochOf(profileId) === epoch);
      if (redeemed) return { ...redeemed, epoch };
      if (attempt >= 3) throw new SamError('no-refresh-token', { reason: 'superseded' });
    }
  }

  /** One redemption; null when the profile's token was replaced meanwhile (its rotated token is then dropped). */
  async function redeemOnce(profileId: string, resource: string | undefined, current: () => boolean): Promise<Omit<Redeemed, 'epoch'> | null> {
    const profile = await deps.getProfile(profileId);
    // Before the refresh token is read: see shared-access-tokens.ts for why the order matters.
    const line = await shared.line(profileId);
    const credential = await loadAppCredential(profile, deps.vault);
    // With the admin's identity for Key Vault, the refresh token at hand (keychain, or the last one this session
    // saw) opens the vault; with the app's identity it is not needed for that.
    const known = profile.keyVault?.access === 'admin' ? ((await deps.vault.get(secretAccounts.refreshToken(profile.id)).catch(() => null)) ?? latest.get(profileId) ?? null) : null;
    const { token: refreshToken, source } = await loadRefreshToken(profile, deps.vault, keyVaultCredentialFor(profile, credential, () => known));
    const app = createMsalApp(profile, credential);
    redemptions.set(profileId, (redemptions.get(profileId) ?? 0) + 1);
    const binding = bindingOf(profile, resource);
    const scopes = [binding.scope];
    // forceCache: this fresh msal instance has no account yet and would otherwise not keep the rotated token.
    const result = await app.acquireTokenByRefreshToken({ refreshToken, scopes, forceCache: true });
    if (!result) throw new SamError('no-refresh-token', { reason: 'no-result' });
    // The stores now hold a newer line's token (or the profile is gone): never overwrite it with this one's successor.
    if (!current()) return null;
    const rotated = cachedRefreshToken(app);
    let saved: SaveOutcome | null = null;
    if (rotated && rotated !== refreshToken) {
      const claims = decodeJwtClaims(result.accessToken);
      latest.set(profileId, rotated);
      saved = await saveRefreshToken(profile, deps.vault, keyVaultCredentialFor(profile, credential, () => rotated), rotated, {
        user: typeof claims.upn === 'string' ? claims.upn : '',
        tenantId: profile.tenantId,
        appId: profile.clientId,
        obtainedAt: deps.now().toISOString(),
      }, {
        // Read from Key Vault a moment ago: its current version holds the token just redeemed, so no second read.
        ...(source === 'key-vault' ? { keyVaultDigest: tokenDigest(refreshToken) } : {}),
        ...(deps.afterKeyVaultWrite ? { afterKeyVaultWrite: deps.afterKeyVaultWrite } : {}),
      });
    }
    // msal dates the expiry by the system clock; SAM Desk keeps time by its own (`now`), so carry the lifetime over.
    const lifetimeMs = result.expiresOn ? result.expiresOn.getTime() - Date.now() : 3_600_000;
    const token: AccessToken = { token: result.accessToken, expiresOn: new Date(deps.now().getTime() + lifetimeMs), scopes: result.scopes, refreshedFrom: source, saved };
    return { token, binding, line };
  }

  return {
    /** `resource`: an API such as https://graph.microsoft.com; Partner Center when absent. */
    async acquire(profileId: string, options: { readonly forceRefresh?: boolean; readonly resource?: string } = {}): Promise<AccessToken> {
      const resource = options.resource === '' ? undefined : options.resource;
      const key = keyOf(profileId, resource);
      const cached = options.forceRefresh ? null : await fromMemory(profileId, resource);
      if (cached) return { ...cached, refreshedFrom: 'memory', saved: null };
      const running = inFlight.get(key);
      if (running) return running;
      const previous = turns.get(profileId) ?? Promise.resolve();
      const redeemInTurn = (): Promise<AccessToken> =>
        previous
          .catch(() => undefined)
          .then(() => redeem(profileId, resource))
          .then(async ({ token, epoch, binding, line }) => {
            // forget() during the save: hand the token to those who asked, but do not keep it.
            if (epochOf(profileId) === epoch) {
              cache.set(key, { token, line });
              // Shared before it is handed out: a CLI call ends right after, and the next one should find it.
              if (line !== null) await shared.write(binding, line, token);
            }
            deps.onRedeemed?.(profileId, resource, token);
            return token;
          });
      const attempt = (options.forceRefresh ? Promise.resolve(null) : fromShared(profileId, resource))
        .then((found) => found ?? redeemInTurn())
        .catch(async (error: unknown) => {
          cache.delete(key);
          await shared.drop(profileId, resource);
          const mapped = classifyError(error);
          deps.onRedeemFailed?.(profileId, resource, mapped);
          throw mapped;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, attempt);
      turns.set(profileId, attempt);
      return attempt;
    },
    forget,
    /**
     * Stores a new line's refresh token (a consent or reconsent) in the profile's turn: after the redemption under
     * way has saved its successor, before any redemption that follows reads the stores. A redemption past its
     * lineage check would otherwise write the older line's successor over the new token. Once stored, the older
     * line's access tokens are forgotten.
     */
    storeNewLine<T>(profileId: string, save: () => Promise<T>): Promise<T> {
      const previous = turns.get(profileId) ?? Promise.resolve();
      const turn = previous
        .catch(() => undefined)
        .then(save)
        .then(async (saved) => {
          await forget(profileId);
          return saved;
        });
      turns.set(profileId, turn);
      return turn;
    },
    redemptionCount: (profileId: string): number => redemptions.get(profileId) ?? 0,
    /**
     * The Partner Center access token held in memory or shared by another process, if still valid: lets a health check
     * probe without redeeming.
     */
    async peek(profileId: string): Promise<AccessToken | null> {
      return (await fromMemory(profileId, undefined)) ?? (await fromShared(profileId, undefined));
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
