import { describe, expect, it } from 'vitest';
import type { SamErrorCode } from '../sam/error-codes';
import { assessHealth, sortByUrgency } from './assess-health';
import type { HealthFacts } from './health-facts';
import type { HealthAssessment, HealthState } from './health-state';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const options = { now: NOW, expiringThresholdDays: 14 };

/** An instant `days` days (plus `ms` milliseconds) before NOW. */
const ago = (days: number, ms = 0): string => new Date(NOW.getTime() - days * DAY - ms).toISOString();
const inDays = (days: number, ms = 0): string => new Date(NOW.getTime() + days * DAY + ms).toISOString();

/** A profile with nothing wrong: checked yesterday, redeemed yesterday, both stores in step, MFA, a distant secret expiry. */
function healthy(change: Partial<Omit<HealthFacts, 'profileId'>> = {}): HealthFacts {
  const at = ago(1);
  return {
    profileId: 'p1',
    stores: { value: { keyVault: 'present', keychain: 'present', sameToken: true }, at },
    tokenIssuedAt: { value: ago(1), at },
    lastRedemption: { value: ago(1), at },
    accessToken: { value: { user: 'admin@contoso.com', mfa: true, audience: 'https://api.partnercenter.microsoft.com', scopes: ['user_impersonation'], expiresAt: inDays(0, 3600_000) }, at },
    partnerCenterProbe: { value: { ok: true }, at },
    credentialExpiry: { value: { kind: 'secret', expiresAt: inDays(200) }, at },
    lastCheck: { value: 'complete', at },
    ...change,
  };
}

/** Facts whose token was last redeemed (and issued) `days` days (plus `ms`) ago. */
function redeemed(days: number, ms = 0): HealthFacts {
  return healthy({ tokenIssuedAt: { value: ago(days, ms), at: ago(1) }, lastRedemption: { value: ago(days, ms), at: ago(1) } });
}

/** The same facts without some of them: what SAM Desk has not learned yet. */
function without(facts: HealthFacts, ...names: ReadonlyArray<Exclude<keyof HealthFacts, 'profileId'>>): HealthFacts {
  return Object.fromEntries(Object.entries(facts).filter(([name]) => !(names as readonly string[]).includes(name))) as unknown as HealthFacts;
}

const failed = (code: SamErrorCode, at: string) => ({ lastError: { value: { code, detail: {} }, at } });
const reasonsOf = (assessment: HealthAssessment) => assessment.reasons.map((entry) => entry.reason);

describe('assessHealth', () => {
  it('finds a well-kept profile healthy, with nothing to do', () => {
    const result = assessHealth(healthy(), options);
    expect(result).toEqual({ state: 'healthy', reasons: [], action: 'none', daysLeft: 89, mfa: true, keyVaultInSync: true, asOf: ago(1), lastError: null, grantProvenAt: ago(1), setAside: [] });
  });

  describe('unknown', () => {
    it('has never been checked when there are no facts', () => {
      expect(assessHealth(undefined, options)).toEqual({ state: 'unknown', reasons: [{ reason: 'never-checked', values: {} }], action: 'check-now', daysLeft: null, mfa: null, keyVaultInSync: null, asOf: null, lastError: null, grantProvenAt: null, setAside: [] });
    });

    it('has never been checked when facts exist but no check completed', () => {
      const result = assessHealth(without(healthy(), 'lastCheck'), options);
      expect(result.state).toBe('unknown');
      expect(reasonsOf(result)).toEqual(['never-checked']);
      expect(result.action).toBe('check-now');
    });

    it('is offline after an offline check, dated by the last facts known rather than by the failed attempt', () => {
      const result = assessHealth(healthy({ lastCheck: { value: 'offline', at: ago(0, 60_000) } }), options);
      expect(result.state).toBe('unknown');
      expect(result.reasons).toEqual([{ reason: 'offline', values: { asOf: ago(1) } }]);
      expect(result.action).toBe('check-now');
      expect(result.asOf).toBe(ago(1));
    });

    it('dates offline by the failed attempt when nothing else was ever learned', () => {
      const result = assessHealth({ profileId: 'p1', lastCheck: { value: 'offline', at: ago(0, 60_000) } }, options);
      expect(result.reasons).toEqual([{ reason: 'offline', values: { asOf: ago(0, 60_000) } }]);
      expect(result.asOf).toBeNull();
    });

    it.each<SamErrorCode>(['network', 'partner-center-unavailable', 'throttled', 'key-vault-throttled'])('is offline, not failed, after a %s error', (code) => {
      const result = assessHealth(healthy(failed(code, ago(0, 60_000))), options);
      expect(result.state).toBe('unknown');
      expect(reasonsOf(result)).toEqual(['offline']);
      expect(result.lastError).toBe(code);
    });

    it('is offline when the Partner Center probe could not get through', () => {
      const result = assessHealth(healthy({ partnerCenterProbe: { value: { ok: false, error: 'network' }, at: ago(0, 60_000) } }), options);
      expect(reasonsOf(result)).toEqual(['offline']);
      expect(result.asOf).toBe(ago(1));
    });

    it('is back online once a redemption succeeded after the offline check', () => {
      const facts = healthy({ lastCheck: { value: 'offline', at: ago(2) }, lastRedemption: { value: ago(1), at: ago(1) } });
      expect(assessHealth(facts, options).state).toBe('healthy');
    });

    it('never hides a dead token learned before going offline', () => {
      const facts = healthy({ stores: { value: { keyVault: 'absent', keychain: 'not-configured', sameToken: null }, at: ago(0, 120_000) }, lastCheck: { value: 'offline', at: ago(0, 60_000) } });
      const result = assessHealth(facts, options);
      expect(result.state).toBe('dead');
      expect(reasonsOf(result)).toEqual(['no-refresh-token', 'offline']);
      expect(result.action).toBe('reconsent');
    });

    it('never hides an ending window learned before going offline', () => {
      const facts = { ...redeemed(80), lastCheck: { value: 'offline' as const, at: ago(0, 60_000) } };
      const result = assessHealth(facts, options);
      expect(result.state).toBe('expiring');
      expect(reasonsOf(result)).toEqual(['inactivity-window-ending', 'offline']);
      expect(result.action).toBe('refresh-now');
    });
  });

  describe('dead', () => {
    it.each<SamErrorCode>(['refresh-token-expired', 'grant-expired', 'grant-revoked', 'mfa-required', 'sign-in-frequency', 'consent-missing', 'spa-refresh-token'])(
      'is dead after %s, and asks for a reconsent',
      (code) => {
        const result = assessHealth(healthy(failed(code, ago(0, 60_000))), options);
        expect(result.state).toBe('dead');
        expect(result.reasons).toEqual([{ reason: 'token-dead', values: { code } }]);
        expect(result.action).toBe('reconsent');
        expect(result.lastError).toBe(code);
      },
    );

    it('is dead when neither store holds a token, and gives no window to a token that is not there', () => {
      const result = assessHealth(healthy({ stores: { value: { keyVault: 'absent', keychain: 'not-configured', sameToken: null }, at: ago(0, 60_000) } }), options);
      expect(result.state).toBe('dead');
      expect(reasonsOf(result)).toEqual(['no-refresh-token']);
      expect(result.action).toBe('reconsent');
      expect(result.daysLeft).toBeNull();
    });

    it('is not dead when one store still holds the token', () => {
      const result = assessHealth(healthy({ stores: { value: { keyVault: 'not-configured', keychain: 'present', sameToken: null }, at: ago(1) } }), options);
      expect(result.state).toBe('healthy');
    });

    it('takes "no token stored" back once a consent issued one after the stores were read', () => {
      const facts = healthy({ stores: { value: { keyVault: 'absent', keychain: 'absent', sameToken: null }, at: ago(2) }, tokenIssuedAt: { value: ago(1), at: ago(1) } });
      expect(assessHealth(facts, options).state).toBe('healthy');
    });

    it('is dead when a refresh found no refresh token', () => {
      const result = assessHealth(healthy(failed('no-refresh-token', ago(0, 60_000))), options);
      expect(result.state).toBe('dead');
      expect(reasonsOf(result)).toEqual(['no-refresh-token']);
      expect(result.action).toBe('reconsent');
    });

    it('is dead once 90 days passed without a redemption', () => {
      const result = assessHealth(redeemed(91), options);
      expect(result.state).toBe('dead');
      expect(reasonsOf(result)).toEqual(['inactivity-window-passed']);
      expect(result.action).toBe('reconsent');
      expect(result.daysLeft).toBe(0);
    });

    it('starts the window at the later of the issue time and the last redemption', () => {
      const issuedLongAgo = healthy({ tokenIssuedAt: { value: ago(120), at: ago(1) }, lastRedemption: { value: ago(10), at: ago(1) } });
      expect(assessHealth(issuedLongAgo, options)).toMatchObject({ state: 'healthy', daysLeft: 80 });
      const redeemedLongAgo = healthy({ tokenIssuedAt: { value: ago(5), at: ago(1) }, lastRedemption: { value: ago(120), at: ago(1) } });
      expect(assessHealth(redeemedLongAgo, options)).toMatchObject({ state: 'healthy', daysLeft: 85 });
    });
  });

  describe('errors cleared by a later success', () => {
    it('forgets an error once a redemption succeeded after it', () => {
      const facts = healthy({ ...failed('grant-revoked', ago(2)), lastRedemption: { value: ago(1), at: ago(1) } });
      const result = assessHealth(facts, options);
      expect(result.state).toBe('healthy');
      expect(result.lastError).toBeNull();
    });

    it('forgets an error once a new consent issued a token after it', () => {
      const facts = { ...redeemed(30), ...failed('refresh-token-expired', ago(3)), tokenIssuedAt: { value: ago(2), at: ago(2) } };
      expect(assessHealth(facts, options)).toMatchObject({ state: 'healthy', lastError: null });
    });

    it('keeps an error that came after the last success', () => {
      const facts = healthy(failed('grant-revoked', ago(0, 60_000)));
      expect(assessHealth(facts, options).state).toBe('dead');
    });

    it('keeps offline from a network error that came after the last success, and forgets it after a later one', () => {
      expect(assessHealth(healthy(failed('network', ago(0, 60_000))), options).state).toBe('unknown');
      expect(assessHealth(healthy(failed('network', ago(2))), options).state).toBe('healthy');
    });
  });

  describe('action needed', () => {
    it('needs a reconsent when the access token has no MFA claim', () => {
      const facts = healthy({ accessToken: { value: { user: 'a', mfa: false, audience: null, scopes: [], expiresAt: null }, at: ago(1) } });
      const result = assessHealth(facts, options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'reconsent', mfa: false });
      expect(reasonsOf(result)).toEqual(['no-mfa-claim']);
    });

    it('takes Partner Center’s 900421 over the token’s own claims, and says it once', () => {
      const facts = healthy({ partnerCenterProbe: { value: { ok: false, error: 'partner-center-mfa-required' }, at: ago(0, 60_000) }, ...failed('partner-center-mfa-required', ago(0, 60_000)) });
      const result = assessHealth(facts, options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'reconsent', mfa: false });
      expect(reasonsOf(result)).toEqual(['no-mfa-claim']);
    });

    it('sends the admin to the profile when Partner Center refuses the account or app', () => {
      const result = assessHealth(healthy({ partnerCenterProbe: { value: { ok: false, error: 'partner-center-denied' }, at: ago(1) } }), options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'open-profile' });
      expect(reasonsOf(result)).toEqual(['partner-center-refused']);
    });

    it('refreshes now when Key Vault and the keychain hold different tokens', () => {
      const result = assessHealth(healthy({ stores: { value: { keyVault: 'present', keychain: 'present', sameToken: false }, at: ago(1) } }), options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'refresh-now', keyVaultInSync: false });
      expect(reasonsOf(result)).toEqual(['key-vault-out-of-sync']);
    });

    it('sends the admin to the profile when Key Vault cannot be read', () => {
      const result = assessHealth(healthy({ stores: { value: { keyVault: 'unreadable', keychain: 'present', sameToken: null }, at: ago(1) } }), options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'open-profile', keyVaultInSync: null });
      expect(reasonsOf(result)).toEqual(['key-vault-unreadable']);
    });

    it('sends the admin to the profile when the keychain cannot be read', () => {
      const result = assessHealth(healthy({ stores: { value: { keyVault: 'present', keychain: 'unreadable', sameToken: null }, at: ago(1) } }), options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'open-profile' });
      expect(reasonsOf(result)).toEqual(['keychain-unreadable']);
    });

    it('asks for a new credential from the instant the app’s secret expires', () => {
      const result = assessHealth(healthy({ credentialExpiry: { value: { kind: 'secret', expiresAt: NOW.toISOString() }, at: ago(1) } }), options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'renew-credential' });
      expect(reasonsOf(result)).toEqual(['credential-expired']);
    });

    it('reads an expired-secret error as an expired credential', () => {
      const result = assessHealth(healthy(failed('client-secret-expired', ago(0, 60_000))), options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'renew-credential', lastError: 'client-secret-expired' });
      expect(reasonsOf(result)).toEqual(['credential-expired']);
    });

    it('warns of a credential expiring within the threshold, 14 days included', () => {
      const expiring = assessHealth(healthy({ credentialExpiry: { value: { kind: 'certificate', expiresAt: inDays(14, 3600_000) }, at: ago(1) } }), options);
      expect(expiring).toMatchObject({ state: 'action-needed', action: 'renew-credential' });
      expect(expiring.reasons).toEqual([{ reason: 'credential-expiring', values: { days: 14 } }]);
      const later = assessHealth(healthy({ credentialExpiry: { value: { kind: 'certificate', expiresAt: inDays(15) }, at: ago(1) } }), options);
      expect(later.state).toBe('healthy');
    });

    it('reports another failure with its code, offering a reconsent when a consent fixes it', () => {
      const fixable = assessHealth(healthy(failed('token-without-mfa', ago(0, 60_000))), options);
      expect(fixable).toMatchObject({ state: 'action-needed', action: 'reconsent', lastError: 'token-without-mfa' });
      expect(fixable.reasons).toEqual([{ reason: 'last-check-failed', values: { code: 'token-without-mfa' } }]);
    });

    it.each<SamErrorCode>(['client-secret-invalid', 'mfa-registration-required', 'identity-service-error', 'key-vault-forbidden'])('reports %s as a failed check with the profile to fix', (code) => {
      const result = assessHealth(healthy(failed(code, ago(0, 60_000))), options);
      expect(result).toMatchObject({ state: 'action-needed', action: 'open-profile', lastError: code });
      expect(result.reasons).toEqual([{ reason: 'last-check-failed', values: { code } }]);
    });

    it('ignores a consent the admin cancelled: it says nothing about the stored token', () => {
      const result = assessHealth(healthy(failed('consent-cancelled', ago(0, 60_000))), options);
      expect(result).toMatchObject({ state: 'healthy', lastError: null, asOf: ago(1) });
    });
  });

  describe('expiring and the 90-day window', () => {
    it('is expiring with exactly 14 days left, and healthy with 15', () => {
      const fourteen = assessHealth(redeemed(76), options);
      expect(fourteen).toMatchObject({ state: 'expiring', action: 'refresh-now', daysLeft: 14 });
      expect(fourteen.reasons).toEqual([{ reason: 'inactivity-window-ending', values: { days: 14 } }]);
      expect(assessHealth(redeemed(75), options)).toMatchObject({ state: 'healthy', daysLeft: 15 });
    });

    it('counts whole days, rounding up: 14 days and 23 hours is 15, 14 days exactly is 14', () => {
      expect(assessHealth(redeemed(75, 3600_000), options)).toMatchObject({ state: 'healthy', daysLeft: 15 });
      expect(assessHealth(redeemed(76), options)).toMatchObject({ state: 'expiring', daysLeft: 14 });
    });

    it('has 90 days left right after a redemption', () => {
      expect(assessHealth(redeemed(0, 1_000), options)).toMatchObject({ state: 'healthy', daysLeft: 90 });
    });

    it('uses the threshold it is given', () => {
      expect(assessHealth(redeemed(75), { now: NOW, expiringThresholdDays: 20 })).toMatchObject({ state: 'expiring', daysLeft: 15 });
      expect(assessHealth(redeemed(76), { now: NOW, expiringThresholdDays: 7 })).toMatchObject({ state: 'healthy', daysLeft: 14 });
    });

    it('is still alive at the very end of day 90, with 0 days left, and dead a moment later', () => {
      expect(assessHealth(redeemed(90, -3600_000), options)).toMatchObject({ state: 'expiring', daysLeft: 1 });
      expect(assessHealth(redeemed(90), options)).toMatchObject({ state: 'expiring', daysLeft: 0 });
      const past = assessHealth(redeemed(90, 1), options);
      expect(past).toMatchObject({ state: 'dead', daysLeft: 0 });
      expect(reasonsOf(past)).toEqual(['inactivity-window-passed']);
      expect(assessHealth(redeemed(400), options).daysLeft).toBe(0);
    });

    it('has no days left to tell when no issue time is known', () => {
      expect(assessHealth(without(healthy(), 'tokenIssuedAt', 'lastRedemption'), options)).toMatchObject({ state: 'healthy', daysLeft: null });
    });
  });

  describe('what automation reads: the Key Vault secret', () => {
    const secret = (value: NonNullable<HealthFacts['keyVaultSecret']>['value']) => ({ keyVaultSecret: { value, at: ago(0) } });
    const keychainOnly = { stores: { value: { keyVault: 'absent' as const, keychain: 'present' as const, sameToken: null }, at: ago(0) } };
    const nothingReadable = { stores: { value: { keyVault: 'absent' as const, keychain: 'absent' as const, sameToken: null }, at: ago(0) } };

    it('is healthy with a readable current version within its dates', () => {
      expect(assessHealth(healthy(secret({ status: 'current', version: 'v1', notBefore: ago(3), expiresAt: inDays(30) })), options).state).toBe('healthy');
    });

    it.each([
      ['soft-deleted', { status: 'soft-deleted', deletedAt: ago(0), purgeAt: inDays(90) }, 'key-vault-secret-deleted', 'recover-key-vault'],
      ['disabled', { status: 'disabled', version: 'v2' }, 'key-vault-secret-disabled', 'enable-key-vault'],
      ['missing', { status: 'missing' }, 'key-vault-secret-missing', 'write-key-vault'],
      ['expired', { status: 'current', version: 'v1', notBefore: null, expiresAt: ago(0, 1) }, 'key-vault-secret-expired', 'write-key-vault'],
      ['not yet valid', { status: 'current', version: 'v1', notBefore: inDays(1), expiresAt: null }, 'key-vault-secret-not-yet-valid', 'write-key-vault'],
      ['forbidden', { status: 'unreadable', code: 'key-vault-forbidden', permission: 'get' }, 'key-vault-unreadable', 'open-profile'],
      ['vault not found', { status: 'unreadable', code: 'key-vault-not-found', permission: null }, 'key-vault-unreadable', 'open-profile'],
    ] as const)('is never healthy when the secret is %s while the keychain still holds the token: action needed with its fix', (_name, value, reason, action) => {
      const result = assessHealth(healthy({ ...keychainOnly, ...secret(value) }), options);
      expect(result.state).toBe('action-needed');
      expect(reasonsOf(result)[0]).toBe(reason);
      expect(result.action).toBe(action);
    });

    it('says when a soft-deleted secret was deleted and until when it can be recovered', () => {
      const result = assessHealth(healthy({ ...keychainOnly, ...secret({ status: 'soft-deleted', deletedAt: ago(2), purgeAt: inDays(88) }) }), options);
      expect(result.reasons[0]).toEqual({ reason: 'key-vault-secret-deleted', values: { deletedAt: ago(2), purgeAt: inDays(88) } });
    });

    it('is action needed, not dead, when a deleted or disabled secret is the only copy: Recover and Enable bring it back', () => {
      expect(assessHealth(healthy({ ...nothingReadable, ...secret({ status: 'soft-deleted', deletedAt: ago(0), purgeAt: inDays(90) }) }), options)).toMatchObject({ state: 'action-needed', action: 'recover-key-vault' });
      expect(assessHealth(healthy({ ...nothingReadable, ...secret({ status: 'disabled', version: null }) }), options)).toMatchObject({ state: 'action-needed', action: 'enable-key-vault' });
    });

    it('is dead when the secret is missing and no copy is left anywhere', () => {
      const result = assessHealth(healthy({ ...nothingReadable, ...secret({ status: 'missing' }) }), options);
      expect(result).toMatchObject({ state: 'dead', action: 'reconsent' });
      expect(reasonsOf(result)).toEqual(['no-refresh-token']);
    });

    it('offers writing the keychain copy after a failed vault write, and redeeming the vault copy when automation rotated it', () => {
      const outOfSync = { stores: { value: { keyVault: 'present' as const, keychain: 'present' as const, sameToken: false }, at: ago(0) } };
      const pending = assessHealth(healthy({ ...outOfSync, keyVaultWriteFailed: { value: { code: 'key-vault-forbidden' }, at: ago(0) } }), options);
      expect(pending).toMatchObject({ state: 'action-needed', action: 'write-key-vault' });
      expect(reasonsOf(pending)).toEqual(['key-vault-write-failed', 'key-vault-out-of-sync']);
      expect(assessHealth(healthy(outOfSync), options)).toMatchObject({ state: 'action-needed', action: 'refresh-now' });
    });

    it('is unknown, not healthy, when the vault could not be reached', () => {
      const result = assessHealth(healthy({ ...secret({ status: 'unreadable', code: 'network', permission: null }), lastCheck: { value: 'offline', at: ago(0) } }), options);
      expect(result.state).toBe('unknown');
      expect(reasonsOf(result)).toEqual(['offline']);
    });
  });

  describe('time it can trust', () => {
    it('sets aside facts dated in the future, with a notice, instead of counting from them', () => {
      // The clock moved back 30 days: the redemption "in 29 days" would otherwise leave 119 days, shown as 90+.
      const result = assessHealth(healthy({ lastRedemption: { value: inDays(29), at: inDays(29) }, tokenIssuedAt: { value: ago(80), at: ago(80) } }), options);
      expect(result.setAside).toEqual(['lastRedemption']);
      expect(result.daysLeft).toBe(10);
      expect(result.state).toBe('expiring');
      expect(reasonsOf(result)).toContain('facts-from-the-future');
      expect(result.reasons.find((entry) => entry.reason === 'facts-from-the-future')?.values).toEqual({ count: 1 });
    });

    it('keeps facts a few minutes ahead (clock skew between machines)', () => {
      expect(assessHealth(healthy({ lastRedemption: { value: inDays(0, 60_000), at: inDays(0, 60_000) } }), options).setAside).toEqual([]);
    });

    it('is unknown with a check as the next step when only future facts were known', () => {
      const result = assessHealth({ profileId: 'p1', lastCheck: { value: 'complete', at: inDays(10) } }, options);
      expect(result).toMatchObject({ state: 'unknown', action: 'check-now', asOf: null });
    });

    it('tells when the grant was last proven: the newest redemption or consent', () => {
      expect(assessHealth(healthy({ tokenIssuedAt: { value: ago(5), at: ago(5) }, lastRedemption: { value: ago(2), at: ago(2) } }), options).grantProvenAt).toBe(ago(2));
    });
  });

  describe('priority', () => {
    it('lists every reason, worst first, and acts on the worst', () => {
      const facts: HealthFacts = {
        ...redeemed(80),
        stores: { value: { keyVault: 'present', keychain: 'present', sameToken: false }, at: ago(1) },
        accessToken: { value: { user: 'a', mfa: false, audience: null, scopes: [], expiresAt: null }, at: ago(1) },
        credentialExpiry: { value: { kind: 'secret', expiresAt: ago(1) }, at: ago(1) },
        lastCheck: { value: 'offline', at: ago(0, 60_000) },
      };
      const result = assessHealth(facts, options);
      expect(result.state).toBe('action-needed');
      expect(reasonsOf(result)).toEqual(['credential-expired', 'no-mfa-claim', 'key-vault-out-of-sync', 'inactivity-window-ending', 'offline']);
      // A reconsent cannot redeem its code with an expired credential: renewing it comes first.
      expect(result.action).toBe('renew-credential');
    });

    it('puts a dead token before everything that merely needs action', () => {
      const facts = healthy({ ...failed('grant-revoked', ago(0, 60_000)), stores: { value: { keyVault: 'unreadable', keychain: 'present', sameToken: null }, at: ago(1) } });
      const result = assessHealth(facts, options);
      expect(result.state).toBe('dead');
      expect(reasonsOf(result)).toEqual(['token-dead', 'key-vault-unreadable']);
      expect(result.action).toBe('reconsent');
    });
  });
});

describe('sortByUrgency', () => {
  const entry = (name: string, state: HealthState, daysLeft: number | null) => ({ name, assessment: { ...assessHealth(undefined, options), state, daysLeft } });

  it('orders by state, then fewest days left (unknown last), then name', () => {
    const entries = [
      entry('Zeta', 'healthy', 80),
      entry('beta', 'expiring', 3),
      entry('Alpha', 'expiring', 3),
      entry('Gamma', 'expiring', null),
      entry('Delta', 'expiring', 1),
      entry('Omega', 'dead', 0),
      entry('Kappa', 'unknown', null),
      entry('Iota', 'action-needed', 60),
      entry('Contoso 10', 'healthy', 80),
      entry('Contoso 2', 'healthy', 80),
    ];
    const sorted = sortByUrgency(entries, (item) => item.assessment, (item) => item.name).map((item) => item.name);
    expect(sorted).toEqual(['Omega', 'Iota', 'Delta', 'Alpha', 'beta', 'Gamma', 'Kappa', 'Contoso 2', 'Contoso 10', 'Zeta']);
    expect(entries[0]?.name).toBe('Zeta');
  });
});
