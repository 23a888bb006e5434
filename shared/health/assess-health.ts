/**
 * The health of one profile from its last-known facts: pure, so main (notifications, the CLI) and the renderer (the
 * dashboard, offline) reach the same verdict from the same facts.
 */
import type { SamErrorCode } from '../sam/error-codes';
import { reconsentFixes } from '../sam/reconsent-fixes';
import { FUTURE_FACT_TOLERANCE_MS, REFRESH_TOKEN_INACTIVITY_DAYS, type HealthFacts, type KeyVaultSecretFact, type StorePresence } from './health-facts';
import { healthReasons, urgency, type HealthAction, type HealthAssessment, type HealthReason, type HealthState } from './health-state';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Errors after which the refresh token itself will never be redeemed again. mfa-required belongs here: a refresh token
 * carries the authentication methods of the sign-in it came from, so redeeming it again can never add MFA. The
 * single-page-app case too: such a token lives 24 hours and has ended (the registration needs fixing before the
 * reconsent, which the error's remedy says). mfa-registration-required does not: the account must register MFA first,
 * so it is a failed check whose remedy the profile page shows.
 */
export const deadTokenCodes: ReadonlySet<SamErrorCode> = new Set<SamErrorCode>([
  'refresh-token-expired',
  'grant-expired',
  'grant-revoked',
  'mfa-required',
  'sign-in-frequency',
  'consent-missing',
  'spa-refresh-token',
]);

/**
 * Errors that say Microsoft could not be asked (unreachable, or asking us to wait), not that anything is wrong: the
 * state is unknown rather than failed. identity-service-error is not one of them: Entra answered, with an error SAM
 * Desk does not recognise, and hiding a persistent one as "offline" would hide a real problem.
 */
export const networkLikeCodes: ReadonlySet<SamErrorCode> = new Set<SamErrorCode>(['network', 'partner-center-unavailable', 'throttled', 'key-vault-throttled']);

/**
 * Outcomes of an interactive consent the admin did not finish. They say nothing about the stored token, so a
 * cancelled reconsent does not turn a healthy profile into one that needs action.
 */
export const abandonedAttemptCodes: ReadonlySet<SamErrorCode> = new Set<SamErrorCode>(['cancelled', 'consent-cancelled', 'consent-timeout', 'consent-denied', 'consent-in-progress']);

type Values = Readonly<Record<string, string | number>>;

interface Found {
  readonly reason: HealthReason;
  readonly values: Values;
  readonly action: HealthAction;
}

/**
 * Every reason the facts give, worst first (state, then the priority order of healthReasons); the state and the next
 * action are the first reason's. Unknown ranks below expiring, so being offline never hides what the last-known facts
 * already say.
 */
export function assessHealth(allFacts: HealthFacts | undefined, options: { readonly now: Date; readonly expiringThresholdDays: number }): HealthAssessment {
  if (!allFacts) return { state: 'unknown', reasons: [{ reason: 'never-checked', values: {} }], action: 'check-now', daysLeft: null, mfa: null, keyVaultInSync: null, asOf: null, lastError: null, grantProvenAt: null, setAside: [] };
  const now = options.now.getTime();
  const { facts, setAside } = withoutFutureFacts(allFacts, now);
  const threshold = options.expiringThresholdDays;
  const found: Found[] = [];
  const add = (reason: HealthReason, values: Values = {}, action: HealthAction = defaultAction(reason)): void => {
    // One line per reason: the same fact can arrive twice (an MFA refusal both as the probe's result and as the last error).
    if (!found.some((entry) => entry.reason === reason)) found.push({ reason, values, action });
  };

  // A successful redemption, or a new token (consent, rotation), proves the token worked at that moment: whatever failed
  // before it no longer describes the profile.
  const lastSuccess = latest(timeOf(facts.tokenIssuedAt?.value), timeOf(facts.lastRedemption?.value));
  const supersededBySuccess = (learnedAt: string): boolean => {
    const at = timeOf(learnedAt);
    return lastSuccess !== null && at !== null && lastSuccess > at;
  };

  const error = facts.lastError;
  const lastError = error && !supersededBySuccess(error.at) && !abandonedAttemptCodes.has(error.value.code) ? error.value.code : null;
  let offlineSince: number | null = null;
  const noteFailure = (code: SamErrorCode, learnedAt: string): void => {
    if (networkLikeCodes.has(code)) offlineSince = latest(offlineSince, timeOf(learnedAt));
    else {
      const outcome = failureReason(code);
      add(outcome.reason, outcome.values, outcome.action);
    }
  };
  if (error && lastError) noteFailure(lastError, error.at);

  const stores = facts.stores;
  const secret = facts.keyVaultSecret?.value;
  // A soft-deleted or disabled secret still holds the token: Recover or Enable brings it back, so it is not lost.
  const vaultHoldsToken = secret?.status === 'soft-deleted' || secret?.status === 'disabled';
  const noTokenStored = stores !== undefined && !vaultHoldsToken && holdsNoToken(stores.value.keyVault) && holdsNoToken(stores.value.keychain) && !supersededBySuccess(stores.at);
  if (noTokenStored) add('no-refresh-token');
  const keychainHoldsToken = stores?.value.keychain === 'present';
  const writeFailure = facts.keyVaultWriteFailed?.value;
  const writePending = writeFailure !== undefined;
  if (secret) noteKeyVaultSecret(secret, { now, keychainHoldsToken, noTokenStored, add });
  else if (stores?.value.keyVault === 'unreadable') add('key-vault-unreadable', { code: 'key-vault-failed' });
  if (writeFailure && keychainHoldsToken) add('key-vault-write-failed', { code: writeFailure.code }, 'write-key-vault');
  if (stores?.value.keychain === 'unreadable') add('keychain-unreadable');
  // Out of sync: when the last vault write failed, the keychain holds the live token and goes to the vault; otherwise
  // the vault's is newer (automation rotated it) and redeeming it brings both in line.
  if (stores?.value.sameToken === false) add('key-vault-out-of-sync', {}, writePending ? 'write-key-vault' : 'refresh-now');

  // The window starts again at every redemption; it belongs to a stored token, so it means nothing without one.
  const windowStart = noTokenStored ? null : lastSuccess;
  let daysLeft: number | null = null;
  if (windowStart !== null) {
    const windowEnd = windowStart + REFRESH_TOKEN_INACTIVITY_DAYS * DAY_MS;
    // Whole days, rounded up: 90 right after a redemption, 0 only once the window has ended.
    daysLeft = Math.max(0, Math.ceil((windowEnd - now) / DAY_MS));
    if (now > windowEnd) add('inactivity-window-passed');
    else if (daysLeft <= threshold) add('inactivity-window-ending', { days: daysLeft });
  }

  // Partner Center's verdict on the claims beats the claims themselves: 900421 means no MFA whatever the token says.
  const probe = facts.partnerCenterProbe;
  const probeError = probe && !probe.value.ok ? probe.value.error : null;
  const mfa = probeError === 'partner-center-mfa-required' ? false : (facts.accessToken?.value.mfa ?? null);
  if (mfa === false) add('no-mfa-claim');
  if (probe && probeError) noteFailure(probeError, probe.at);

  const credential = facts.credentialExpiry?.value;
  // An expiry that could not be read (no Graph permission) says nothing is wrong: it only goes unwatched.
  const credentialEnd = credential?.expiresAt ? timeOf(credential.expiresAt) : null;
  if (credentialEnd !== null) {
    // A credential is invalid from its expiry instant on; Entra refuses it at that very moment.
    if (now >= credentialEnd) add('credential-expired');
    else {
      const days = wholeDaysUntil(credentialEnd, now);
      if (days <= threshold) add('credential-expiring', { days });
    }
  }

  const asOf = newestKnowledge(facts);
  const check = facts.lastCheck;
  if (!check) add('never-checked');
  else if (check.value === 'offline' && !supersededBySuccess(check.at)) offlineSince = latest(offlineSince, timeOf(check.at));
  // Offline says how old the shown picture is; with no picture at all, when the failed attempt was.
  if (offlineSince !== null) add('offline', { asOf: asOf ?? new Date(offlineSince).toISOString() });
  if (setAside.length > 0) add('facts-from-the-future', { count: setAside.length });

  const reasons = [...found].sort((a, b) => urgency(stateOf(a.reason)) - urgency(stateOf(b.reason)) || healthReasons.indexOf(a.reason) - healthReasons.indexOf(b.reason));
  const worst = reasons[0];
  return {
    state: worst ? stateOf(worst.reason) : 'healthy',
    reasons: reasons.map(({ reason, values }) => ({ reason, values })),
    action: worst ? worst.action : 'none',
    daysLeft,
    mfa,
    keyVaultInSync: stores?.value.sameToken ?? null,
    asOf,
    lastError,
    grantProvenAt: lastSuccess === null ? null : new Date(lastSuccess).toISOString(),
    setAside,
  };
}

/**
 * What the Key Vault secret says, as reasons: none of these is healthy, because automation reads the vault. Each comes
 * with the one action that fixes it: Recover and Enable bring the token back; a missing secret, or one outside its
 * dates, is fixed by writing the token in use as a new version, which needs the keychain's copy (or, for a dated
 * version, the vault's own value, which SAM Desk can still read); with no copy left, only a new consent helps.
 */
function noteKeyVaultSecret(
  secret: KeyVaultSecretFact,
  context: { readonly now: number; readonly keychainHoldsToken: boolean; readonly noTokenStored: boolean; readonly add: (reason: HealthReason, values?: Values, action?: HealthAction) => void },
): void {
  const { now, add } = context;
  switch (secret.status) {
    case 'current': {
      const expiresAt = timeOf(secret.expiresAt ?? undefined);
      const notBefore = timeOf(secret.notBefore ?? undefined);
      if (expiresAt !== null && expiresAt <= now) add('key-vault-secret-expired', { at: secret.expiresAt ?? '' }, 'write-key-vault');
      if (notBefore !== null && notBefore > now) add('key-vault-secret-not-yet-valid', { at: secret.notBefore ?? '' }, 'write-key-vault');
      return;
    }
    case 'missing':
      // With no token anywhere, no-refresh-token (dead) already says it: only a new consent helps.
      if (!context.noTokenStored) add('key-vault-secret-missing', {}, context.keychainHoldsToken ? 'write-key-vault' : 'reconsent');
      return;
    case 'soft-deleted':
      add('key-vault-secret-deleted', { deletedAt: secret.deletedAt ?? '', purgeAt: secret.purgeAt ?? '' }, 'recover-key-vault');
      return;
    case 'disabled':
      add('key-vault-secret-disabled', {}, 'enable-key-vault');
      return;
    case 'unreadable':
      // Not reachable says nothing about the secret: the check is then offline, which the caller notes.
      if (!networkLikeCodes.has(secret.code)) add('key-vault-unreadable', { code: secret.permission ? `${secret.code}: ${secret.permission}` : secret.code });
      return;
    default:
      assertNever(secret);
  }
}

/** Facts learned (or dated) more than a few minutes ahead of now, set aside with their names. */
function withoutFutureFacts(facts: HealthFacts, now: number): { readonly facts: HealthFacts; readonly setAside: string[] } {
  const limit = now + FUTURE_FACT_TOLERANCE_MS;
  const inFuture = (iso: string | undefined): boolean => {
    const time = timeOf(iso);
    return time !== null && time > limit;
  };
  const kept: Record<string, unknown> = {};
  const setAside: string[] = [];
  for (const [name, fact] of Object.entries(facts) as Array<[string, unknown]>) {
    // Every fact but profileId is a Learned: an object with `at` and `value`.
    const learnedFact = typeof fact === 'object' && fact !== null ? (fact as { readonly at?: unknown; readonly value?: unknown }) : null;
    const at = typeof learnedFact?.at === 'string' ? learnedFact.at : undefined;
    // The two dates that start the token's window are facts' values too: a future one would lengthen the window.
    const datedValue = (name === 'tokenIssuedAt' || name === 'lastRedemption') && typeof learnedFact?.value === 'string' ? learnedFact.value : undefined;
    if (inFuture(at) || inFuture(datedValue)) setAside.push(name);
    else kept[name] = fact;
  }
  return { facts: kept as unknown as HealthFacts, setAside };
}

/** The state a reason puts the profile in: the rule table's left half. */
export function stateOf(reason: HealthReason): HealthState {
  switch (reason) {
    case 'token-dead':
    case 'inactivity-window-passed':
    case 'no-refresh-token':
      return 'dead';
    case 'credential-expired':
    case 'no-mfa-claim':
    case 'partner-center-refused':
    case 'last-check-failed':
    case 'key-vault-secret-deleted':
    case 'key-vault-secret-disabled':
    case 'key-vault-secret-missing':
    case 'key-vault-write-failed':
    case 'key-vault-secret-expired':
    case 'key-vault-secret-not-yet-valid':
    case 'key-vault-unreadable':
    case 'keychain-unreadable':
    case 'key-vault-out-of-sync':
    case 'credential-expiring':
      return 'action-needed';
    case 'inactivity-window-ending':
      return 'expiring';
    case 'never-checked':
    case 'offline':
    case 'facts-from-the-future':
      return 'unknown';
    default:
      return assertNever(reason);
  }
}

/** The action a reason calls for; last-check-failed depends on its code and is decided in failureReason. */
function defaultAction(reason: HealthReason): HealthAction {
  switch (reason) {
    case 'token-dead':
    case 'inactivity-window-passed':
    case 'no-refresh-token':
    case 'no-mfa-claim':
      return 'reconsent';
    // Redeeming the vault's token writes its successor to both stores, and restarts the window.
    case 'key-vault-out-of-sync':
    case 'inactivity-window-ending':
      return 'refresh-now';
    case 'key-vault-secret-deleted':
      return 'recover-key-vault';
    case 'key-vault-secret-disabled':
      return 'enable-key-vault';
    case 'key-vault-secret-missing':
    case 'key-vault-write-failed':
    case 'key-vault-secret-expired':
    case 'key-vault-secret-not-yet-valid':
      return 'write-key-vault';
    case 'credential-expired':
    case 'credential-expiring':
      return 'renew-credential';
    // Roles, permissions and store access are fixed outside SAM Desk; the profile page shows the remedy.
    case 'partner-center-refused':
    case 'key-vault-unreadable':
    case 'keychain-unreadable':
    case 'last-check-failed':
      return 'open-profile';
    case 'never-checked':
    case 'offline':
    case 'facts-from-the-future':
      return 'check-now';
    default:
      return assertNever(reason);
  }
}

/** What a failure that still counts (not network-like) says about the profile. */
function failureReason(code: SamErrorCode): Found {
  if (deadTokenCodes.has(code)) return { reason: 'token-dead', values: { code }, action: 'reconsent' };
  switch (code) {
    // These codes name a reason of their own: one sentence per problem, whether a check or a refresh found it.
    case 'no-refresh-token':
      return { reason: 'no-refresh-token', values: {}, action: 'reconsent' };
    case 'partner-center-mfa-required':
      return { reason: 'no-mfa-claim', values: {}, action: 'reconsent' };
    case 'partner-center-denied':
      return { reason: 'partner-center-refused', values: {}, action: 'open-profile' };
    case 'client-secret-expired':
      return { reason: 'credential-expired', values: {}, action: 'renew-credential' };
    default:
      return { reason: 'last-check-failed', values: { code }, action: reconsentFixes.has(code) ? 'reconsent' : 'open-profile' };
  }
}

/**
 * The newest `at` among facts that describe the token. An attempt that could not reach Microsoft, or a consent the
 * admin abandoned, described nothing: counting it would make a stale picture look fresh.
 */
function newestKnowledge(facts: HealthFacts): string | null {
  const { lastCheck, lastError, partnerCenterProbe: probe } = facts;
  const candidates = [
    facts.stores?.at,
    facts.keyVaultVersions?.at,
    facts.tokenIssuedAt?.at,
    facts.lastRedemption?.at,
    facts.accessToken?.at,
    facts.credentialExpiry?.at,
    probe && (probe.value.ok || !networkLikeCodes.has(probe.value.error)) ? probe.at : undefined,
    lastError && !networkLikeCodes.has(lastError.value.code) && !abandonedAttemptCodes.has(lastError.value.code) ? lastError.at : undefined,
    lastCheck?.value === 'complete' ? lastCheck.at : undefined,
  ];
  let newest: { readonly at: string; readonly time: number } | null = null;
  for (const at of candidates) {
    const time = timeOf(at);
    if (at !== undefined && time !== null && (newest === null || time > newest.time)) newest = { at, time };
  }
  return newest?.at ?? null;
}

function holdsNoToken(presence: StorePresence): boolean {
  return presence === 'absent' || presence === 'not-configured';
}

function wholeDaysUntil(end: number, now: number): number {
  return Math.max(0, Math.floor((end - now) / DAY_MS));
}

function timeOf(iso: string | undefined): number | null {
  if (iso === undefined) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

/**
 * The dashboard's order: the most urgent state first, then the fewest days left (unknown days last), then by name, so
 * the profile to look after next is always at the top. Names compare as people read them: "Contoso 2" before "Contoso 10".
 */
export function sortByUrgency<T>(items: readonly T[], assessmentOf: (item: T) => HealthAssessment, nameOf: (item: T) => string): T[] {
  const collator = new Intl.Collator(undefined, { numeric: true });
  return items
    .map((item) => ({ item, assessment: assessmentOf(item), name: nameOf(item) }))
    .sort((a, b) => urgency(a.assessment.state) - urgency(b.assessment.state) || compareDaysLeft(a.assessment.daysLeft, b.assessment.daysLeft) || collator.compare(a.name, b.name))
    .map((entry) => entry.item);
}

function compareDaysLeft(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
