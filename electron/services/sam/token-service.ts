import { decodeJwtClaims } from './jwt-claims';
import type { Profile } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { classifyError } from './classify-error';
import { keyVaultCredentialFor } from './key-vault-identity';
import { cachedRefreshToken, createMsalApp, partnerCenterScope } from './msal-app';
import { loadRefreshToken, saveRefreshToken, type SaveOutcome } from './refresh-token-store';
import { SamError } from './sam-error';

/** Access tokens are reused until this long before they expire. */
export const ACCESS_TOKEN_MARGIN_MS = 5 * 60_000;

export interface AccessToken {
  readonly token: string;
  readonly expiresOn: Date;
  readonly scopes: readonly string[];
  /** Where the refresh token came from and where its successor went. */
  readonly refreshedFrom: 'key-vault' | 'keychain' | 'memory';
  readonly saved: SaveOutcome | null;
}

export interface TokenDeps {
  readonly getProfile: (id: string) => Promise<Profile>;
  readonly vault: SecretVault;
  readonly now: () => Date;
  /** Each redemption's outcome (not answers from memory): health facts and the audit log follow every use. */
  readonly onRedeemed?: (profileId: string, resource: string | undefined, token: AccessToken) => void;
  readonly onRedeemFailed?: (profileId: string, resource: string | undefined, error: SamError) => void;
}

/**
 * Redeems a profile's stored refresh token for Partner Center access tokens (or another resource the admin
 * consented to: Entra refresh tokens are multi-resource). One redemption at a time per profile: concurrent callers
 * for the same resource share it, and redemptions for different resources wait their turn (two at once would race
 * the rotation). The rotated refresh token is saved to
 * every store before the access token is handed to anyone. Access tokens stay in memory only, until shortly before
 * they expire.
 */
export function createTokenService(deps: TokenDeps) {
  const cache = new Map<string, AccessToken>();
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

  /**
   * Forget a profile's access token (after reconsent, or when the profile is edited or deleted). A redemption
   * still running for it is redone from the stores' token instead of storing its own successor over it.
   */
  function forget(profileId: string): void {
    epochs.set(profileId, epochOf(profileId) + 1);
    for (const key of [...cache.keys()]) if (key.startsWith(`${profileId}|`)) cache.delete(key);
  }

  /** Redeems until a redemption finishes within one epoch (a reconsent needs a person: this ends at once). */
  async function redeem(profileId: string, resource: string | undefined): Promise<{ token: AccessToken; epoch: number }> {
    for (let attempt = 1; ; attempt++) {
      const epoch = epochOf(profileId);
      const token = await redeemOnce(profileId, resource, () => epochOf(profileId) === epoch);
      if (token) return { token, epoch };
      if (attempt >= 3) throw new SamError('no-refresh-token', { reason: 'superseded' });
    }
  }

  /** One redemption; null when the profile's token was replaced meanwhile (its rotated token is then dropped). */
  async function redeemOnce(profileId: string, resource: string | undefined, current: () => boolean): Promise<AccessToken | null> {
    const profile = await deps.getProfile(profileId);
    const credential = await loadAppCredential(profile, deps.vault);
    // With the admin's identity for Key Vault, the refresh token at hand (keychain, or the last one this session
    // saw) opens the vault; with the app's identity it is not needed for that.
    const known = profile.keyVault?.access === 'admin' ? ((await deps.vault.get(secretAccounts.refreshToken(profile.id)).catch(() => null)) ?? latest.get(profileId) ?? null) : null;
    const { token: refreshToken, source } = await loadRefreshToken(profile, deps.vault, keyVaultCredentialFor(profile, credential, () => known));
    const app = createMsalApp(profile, credential);
    redemptions.set(profileId, (redemptions.get(profileId) ?? 0) + 1);
    // forceCache: this fresh msal instance has no account yet and would otherwise not keep the rotated token.
    const scopes = [resource ? `${resource.replace(/\/+$/, '')}/.default` : partnerCenterScope(profile)];
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
      });
    }
    // msal dates the expiry by the system clock; SAM Desk keeps time by its own (`now`), so carry the lifetime over.
    const lifetimeMs = result.expiresOn ? result.expiresOn.getTime() - Date.now() : 3_600_000;
    return { token: result.accessToken, expiresOn: new Date(deps.now().getTime() + lifetimeMs), scopes: result.scopes, refreshedFrom: source, saved };
  }

  return {
    /** `resource`: an API such as https://graph.microsoft.com; Partner Center when absent. */
    async acquire(profileId: string, options: { readonly forceRefresh?: boolean; readonly resource?: string } = {}): Promise<AccessToken> {
      const key = `${profileId}|${options.resource ?? ''}`;
      const cached = cache.get(key);
      if (!options.forceRefresh && cached && cached.expiresOn.getTime() - deps.now().getTime() > ACCESS_TOKEN_MARGIN_MS) return { ...cached, refreshedFrom: 'memory', saved: null };
      const running = inFlight.get(key);
      if (running) return running;
      const previous = turns.get(profileId) ?? Promise.resolve();
      const attempt = previous
        .catch(() => undefined)
        .then(() => redeem(profileId, options.resource))
        .then(({ token, epoch }) => {
          // forget() during the save: hand the token to those who asked, but do not keep it.
          if (epochOf(profileId) === epoch) cache.set(key, token);
          deps.onRedeemed?.(profileId, options.resource, token);
          return token;
        })
        .catch((error: unknown) => {
          cache.delete(key);
          const mapped = classifyError(error);
          deps.onRedeemFailed?.(profileId, options.resource, mapped);
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
        .then((saved) => {
          forget(profileId);
          return saved;
        });
      turns.set(profileId, turn);
      return turn;
    },
    redemptionCount: (profileId: string): number => redemptions.get(profileId) ?? 0,
    /** The Partner Center access token held in memory, if still valid: lets a health check probe without redeeming. */
    peek(profileId: string): AccessToken | null {
      const cached = cache.get(`${profileId}|`);
      return cached && cached.expiresOn.getTime() - deps.now().getTime() > ACCESS_TOKEN_MARGIN_MS ? cached : null;
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
