import { assessHealth } from '../../../shared/health/assess-health';
import type { AccessTokenFact, HealthFacts, Learned, ProbeResult } from '../../../shared/health/health-facts';
import type { HealthAssessment } from '../../../shared/health/health-state';
import { inspectToken } from '../../../shared/inspector/inspect';
import type { EndpointBinding } from '../../../shared/profiles/endpoint-binding';
import type { Profile } from '../../../shared/profiles/profile';
import type { AuditLog } from '../audit/audit-log';
import { createPartnerCenterClient } from '../partner-center/partner-center-client';
import { loadAppCredential } from '../sam/app-credential';
import { verifyEndpoints } from '../sam/bound-endpoints';
import { classifyError } from '../sam/classify-error';
import type { ConsentProgress } from '../sam/consent-steps';
import { SamError } from '../sam/sam-error';
import type { SaveOutcome } from '../sam/refresh-token-store';
import type { AccessToken, TokenService } from '../sam/token-service';
import type { SecretVault } from '../secrets/secret-vault';
import { nextCredentialExpiry, readCredentialExpiry, type CredentialExpiryReading } from './credential-expiry';
import { createHealthFactsFile } from './health-facts-file';
import { createHealthSettingsFile } from './health-settings';
import { createNotifiedStatesFile } from './notified-states';
import { readTokenStores } from './token-stores';

/**
 * Token health per profile: facts learned from every consent and redemption (whoever triggered it) and from checks
 * of Key Vault, the keychain, Partner Center and Microsoft Graph, kept on disk without secrets, and assessed into a state with the
 * next action. Reading health needs no network; a check does, and reports "offline" rather than failing without one.
 */
export interface HealthEntry {
  readonly profileId: string;
  readonly displayName: string;
  readonly assessment: HealthAssessment;
  readonly facts: HealthFacts;
  /** Where the refresh token's successor went when this check redeemed it (Refresh now, or a probe): no token in it. */
  readonly saved?: SaveOutcome | null;
}

/**
 * `refresh`: redeem first (Refresh now, keep-alive). `probe`: true redeems now to prove the grant (`health --probe`);
 * false never redeems (Refresh now's own check); left out, a check redeems when the last proof is older than the probe
 * interval, which is what turns a revoked grant dead at the next check instead of at automation's next use.
 */
export interface CheckOptions {
  readonly refresh: boolean;
  readonly probe?: boolean;
}

export interface HealthDeps {
  readonly directory: string;
  readonly vault: SecretVault;
  readonly tokens: () => TokenService;
  readonly getProfile: (id: string) => Promise<Profile>;
  readonly listProfiles: () => Promise<readonly Profile[]>;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

/** Consent failures that say nothing about the token (the admin stopped, or another consent was running). */
const NOT_ABOUT_THE_TOKEN = new Set(['consent-cancelled', 'consent-in-progress', 'consent-timeout', 'consent-denied', 'redirect-port-in-use']);
const UNREACHABLE = new Set(['network', 'partner-center-unavailable']);
/** A failure that says Microsoft was not reached: a network error, or a Key Vault (or its sign-in) that never answered. */
const unreachable = (error: { readonly code: string; readonly detail: Readonly<Record<string, string | number>> } | null | undefined): boolean =>
  error !== null && error !== undefined && (UNREACHABLE.has(error.code) || (error.code === 'key-vault-failed' && error.detail.reason === 'timeout'));
/** Entra refusing the app's own credential when asked for a Graph token: as much a problem as at any other use of it. */
const CREDENTIAL_REFUSED = new Set(['client-secret-expired', 'client-secret-invalid', 'client-assertion-invalid']);

function without<T extends object, K extends keyof T>(value: T, ...keys: readonly K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !(keys as readonly PropertyKey[]).includes(key))) as Omit<T, K>;
}

/**
 * What a save of a new refresh token taught about Key Vault: a written version is the secret's current one, with no
 * dates of its own; a failed write leaves automation reading an older token until it is written.
 */
function factsAfterSave(current: HealthFacts, saved: SaveOutcome, learned: <T>(value: T) => Learned<T>): HealthFacts {
  const vault = saved.keyVault;
  if (vault.status === 'saved') {
    const next = without(current, 'keyVaultWriteFailed');
    const keychain = saved.keychain.status === 'saved' ? 'present' : 'not-configured';
    return {
      ...next,
      keyVaultSecret: learned({ status: 'current', version: vault.version ?? '', notBefore: null, expiresAt: null }),
      stores: learned({ keyVault: 'present', keychain, sameToken: keychain === 'present' ? true : null }),
    };
  }
  if (vault.status === 'failed') return { ...current, keyVaultWriteFailed: learned({ code: vault.error }) };
  return current;
}

function accessTokenFact(token: string, now: Date): AccessTokenFact {
  const { summary, times } = inspectToken(token, now);
  return { user: summary.user, mfa: summary.mfa, audience: summary.audience, scopes: summary.scopes, expiresAt: times.expiresAt };
}

export function createHealthService(deps: HealthDeps) {
  const settings = createHealthSettingsFile(deps.directory);
  const notified = createNotifiedStatesFile(deps.directory);
  const listeners = new Set<(profileId: string) => void>();
  const facts = createHealthFactsFile(deps.directory, (profileId) => {
    for (const listener of listeners) listener(profileId);
  });
  const learned = <T>(value: T): Learned<T> => ({ value, at: deps.now().toISOString() });

  async function entryFor(profile: Profile, all?: Readonly<Record<string, HealthFacts>>): Promise<HealthEntry> {
    const known = (all ?? (await facts.read()))[profile.id] ?? { profileId: profile.id };
    const { expiringThresholdDays } = await settings.read();
    return { profileId: profile.id, displayName: profile.displayName, facts: known, assessment: assessHealth(known, { now: deps.now(), expiringThresholdDays }) };
  }

  /**
   * Probes Partner Center with the access token held in memory (never redeeming for it): GET /customers?size=1, at the
   * Partner Center the profile's binding was just verified for.
   */
  async function probe(endpoints: EndpointBinding, token: AccessToken): Promise<ProbeResult> {
    const client = createPartnerCenterClient({
      baseUrl: endpoints.partnerCenterUrl,
      boundOrigins: [new URL(endpoints.partnerCenterUrl).origin],
      accessToken: async () => token.token,
      locale: () => 'en-US',
      retry: { maxAttempts: 2, baseDelayMs: 250, maxDelayMs: 1_000, maxRetryAfterMs: 2_000 },
      timeoutMs: 15_000,
    });
    try {
      await client.get('/customers?size=1');
      return { ok: true };
    } catch (error) {
      return { ok: false, error: classifyError(error).code };
    }
  }

  /** Whether the last proof that Entra accepts the grant (a redemption or a consent) is older than the probe interval. */
  async function probeDue(profileId: string): Promise<boolean> {
    const known = (await facts.read())[profileId];
    const { probe: proving, probeIntervalHours } = await settings.read();
    if (!proving) return false;
    const proofs = [known?.lastRedemption?.value, known?.tokenIssuedAt?.value].map((iso) => (iso ? Date.parse(iso) : Number.NaN)).filter((time) => !Number.isNaN(time));
    const now = deps.now().getTime();
    // A proof dated in the future (the clock moved back) proves nothing about now.
    const lastProof = Math.max(...proofs.filter((time) => time <= now), Number.NEGATIVE_INFINITY);
    return now - lastProof > probeIntervalHours * 3_600_000;
  }

  return {
    settings,
    facts,
    /** The states the scheduled check last saw, which its notifications compare against. */
    notified,

    /** A consent's outcome, from the window, the CLI or a deep link. */
    async recordConsent(outcome: Exclude<ConsentProgress, { state: 'step' }>): Promise<void> {
      const before = (await facts.read())[outcome.profileId];
      if (outcome.state === 'succeeded') {
        const kind = before?.tokenIssuedAt ? 'reconsent' : 'consent';
        await facts.update(outcome.profileId, (current) => {
          // A new token: the last error and the old token's probe no longer describe it.
          return {
            ...factsAfterSave(without(current, 'lastError', 'partnerCenterProbe'), outcome.saved, learned),
            tokenIssuedAt: learned(deps.now().toISOString()),
            accessToken: learned({ user: outcome.summary.user, mfa: outcome.summary.mfa, audience: outcome.summary.audience, scopes: outcome.summary.scopes, expiresAt: outcome.summary.expiresAt }),
          };
        });
        // Automation runs as whoever consented last: a reconsent by someone else changes that, and the log says so.
        const previousUser = before?.accessToken?.value.user;
        const userChanged = kind === 'reconsent' && typeof previousUser === 'string' && previousUser !== '' && previousUser.toLowerCase() !== (outcome.summary.user ?? '').toLowerCase();
        await deps.audit.record({
          profileId: outcome.profileId,
          kind,
          outcome: 'ok',
          facts: { user: outcome.summary.user ?? '', ...(userChanged ? { previousUser } : {}), keyVault: outcome.saved.keyVault.status, keychain: outcome.saved.keychain.status },
        });
        return;
      }
      await deps.audit.record({ profileId: outcome.profileId, kind: before?.tokenIssuedAt ? 'reconsent' : 'consent', outcome: 'failed', code: outcome.error });
      if (!NOT_ABOUT_THE_TOKEN.has(outcome.error)) await facts.update(outcome.profileId, (current) => ({ ...current, lastError: learned({ code: outcome.error, detail: outcome.detail }) }));
    },

    /** A redemption of the profile's refresh token (any caller): the window restarts, the claims are known. */
    async recordRedeemed(profileId: string, resource: string | undefined, token: AccessToken): Promise<void> {
      const rotated = token.saved !== null;
      await facts.update(profileId, (current) => {
        return {
          ...(token.saved ? factsAfterSave(without(current, 'lastError'), token.saved, learned) : without(current, 'lastError')),
          lastRedemption: learned(deps.now().toISOString()),
          ...(rotated ? { tokenIssuedAt: learned(deps.now().toISOString()) } : {}),
          ...(resource === undefined ? { accessToken: learned(accessTokenFact(token.token, deps.now())) } : {}),
        };
      });
      await deps.audit.record({
        profileId,
        kind: 'rotation',
        outcome: token.saved?.keyVault.status === 'failed' || token.saved?.keychain.status === 'failed' ? 'failed' : 'ok',
        facts: { source: token.refreshedFrom, ...(token.saved ? { keyVault: token.saved.keyVault.status, keychain: token.saved.keychain.status } : {}), ...(resource ? { resource } : {}) },
      });
    },

    async recordRedeemFailed(profileId: string, error: SamError): Promise<void> {
      await facts.update(profileId, (current) => ({ ...current, lastError: learned({ code: error.code, detail: error.detail }) }));
      await deps.audit.record({ profileId, kind: 'failure', outcome: 'failed', code: error.code });
    },

    /** Every profile's health from the last known facts: instant, and available offline. */
    async list(): Promise<HealthEntry[]> {
      const all = await facts.read();
      return Promise.all((await deps.listProfiles()).map((profile) => entryFor(profile, all)));
    },

    async entry(profileId: string): Promise<HealthEntry> {
      return entryFor(await deps.getProfile(profileId));
    },

    /**
     * Looks again: the token stores and Key Vault's versions, the app credential's expiry (the certificate file, and the
     * registration in Microsoft Graph where the app may read it), and Partner Center with the access token in memory.
     * With `refresh`, first redeems the refresh token (Refresh now, keep-alive), which rotates it and restarts its
     * 90-day window; a failure there is recorded by the token service's hook and shows in the assessment.
     */
    async check(profileId: string, options: CheckOptions): Promise<HealthEntry> {
      const profile = await deps.getProfile(profileId);
      const tokens = deps.tokens();
      let refreshError: SamError | null = null;
      let redeemed: AccessToken | null = null;
      if (options.refresh || options.probe === true || (options.probe !== false && (await probeDue(profileId)))) {
        try {
          redeemed = await tokens.acquire(profileId, { forceRefresh: true });
        } catch (error) {
          refreshError = classifyError(error);
        }
      }
      // A profile outside its binding (changed behind SAM Desk's back) is told so, and nothing of it is sent anywhere.
      const verified = await verifyEndpoints(profile, deps.vault).catch((error: unknown) => classifyError(error));
      const bindingError = verified instanceof SamError ? { code: verified.code, detail: verified.detail } : null;
      const reading = await readTokenStores(profile, deps.vault, () => null);
      const credential = await loadAppCredential(profile, deps.vault).catch(() => null);
      // A certificate is on this computer, so its expiry is known without asking anyone; a secret's only the app
      // registration knows, and Microsoft Graph tells it when the app may read its own registration.
      const certificateExpiresAt = credential?.certificateExpiresAt ?? null;
      const expiry: CredentialExpiryReading = credential ? await readCredentialExpiry(profile, credential, deps.now()) : { outcome: 'not-asked' };
      const expiryError = expiry.outcome === 'token-refused' && CREDENTIAL_REFUSED.has(expiry.error.code) ? { code: expiry.error.code, detail: expiry.error.detail } : null;
      // Entra just issued a Graph token with the app's credential: an earlier refusal of that credential is over.
      const credentialAccepted = expiry.outcome === 'read' || expiry.outcome === 'graph-failed';
      const token = await tokens.peek(profileId);
      const probeResult = token && !(verified instanceof SamError) ? await probe(verified.endpoints, token) : null;
      const offline = unreachable(reading.error) || unreachable(refreshError) || (probeResult !== null && !probeResult.ok && UNREACHABLE.has(probeResult.error));
      const newestVersionAt = reading.versions?.find((version) => version.enabled)?.createdAt ?? null;
      const updated = await facts.update(profileId, (current) => {
        const credentialExpiry = nextCredentialExpiry(profile, current.credentialExpiry?.value, certificateExpiresAt, expiry);
        // Learned now when found out now; a fact kept from before (Graph unreachable) keeps the time it was learned.
        const credentialFact = credentialExpiry === undefined ? undefined : credentialExpiry === current.credentialExpiry?.value ? current.credentialExpiry : learned(credentialExpiry);
        const lastError = bindingError ?? (reading.error && !unreachable(reading.error) ? reading.error : expiryError);
        const refusalOver = credentialAccepted && current.lastError !== undefined && CREDENTIAL_REFUSED.has(current.lastError.value.code);
        // The vault holds the keychain's token again (written meanwhile, by the retry or by hand): nothing is pending.
        const writeSettled = reading.stores.sameToken === true || (reading.secret?.status === 'current' && reading.stores.keychain !== 'present');
        const kept = without(current, 'credentialExpiry', ...(refusalOver ? (['lastError'] as const) : []), ...(writeSettled ? (['keyVaultWriteFailed'] as const) : []));
        return {
          ...kept,
          ...(offline && reading.stores.keyVault === 'unreadable' ? {} : { stores: learned(reading.stores) }),
          ...(reading.secret && !(offline && reading.secret.status === 'unreadable') ? { keyVaultSecret: learned(reading.secret) } : {}),
          ...(reading.versions ? { keyVaultVersions: learned(reading.versions) } : {}),
          ...(reading.versionCounts ? { keyVaultVersionCounts: learned(reading.versionCounts) } : {}),
          // Automation elsewhere may have rotated the token and written it back: the vault's newest version is then newer.
          ...(newestVersionAt && (!current.tokenIssuedAt || newestVersionAt > current.tokenIssuedAt.value) ? { tokenIssuedAt: learned(newestVersionAt) } : {}),
          ...(probeResult ? { partnerCenterProbe: learned(probeResult) } : {}),
          ...(credentialFact ? { credentialExpiry: credentialFact } : {}),
          ...(lastError ? { lastError: learned(lastError) } : {}),
          lastCheck: learned(offline ? 'offline' : 'complete'),
        };
      });
      const entry = await entryFor(profile, { [profileId]: updated });
      await deps.audit.record({ profileId, kind: 'health-check', outcome: entry.assessment.state === 'healthy' ? 'ok' : 'failed', facts: { state: entry.assessment.state, refresh: options.refresh ? 'yes' : redeemed || refreshError ? 'probe' : 'no' } });
      return { ...entry, saved: redeemed?.saved ?? null };
    },

    async checkAll(options: CheckOptions): Promise<HealthEntry[]> {
      const entries: HealthEntry[] = [];
      // One profile at a time: checks are few, and concurrent redemptions of different profiles gain nothing here.
      for (const profile of await deps.listProfiles()) entries.push(await this.check(profile.id, options));
      return entries;
    },

    updateSettings: (change: Parameters<typeof settings.update>[0]) => settings.update(change),
    /** Called after any profile's facts changed; returns the unsubscribe function. */
    onChange(listener: (profileId: string) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forget: (profileId: string) => facts.remove(profileId),
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
