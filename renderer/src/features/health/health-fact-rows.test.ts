import { describe, expect, it } from 'vitest';
import { factRows } from './health-fact-rows';
import { daysAgo, entryOf, keyT } from './testing';

describe('factRows', () => {
  it('lists nothing for a profile SAM Desk has learned nothing about', () => {
    expect(factRows(entryOf('New', undefined), keyT, 'en')).toEqual([]);
  });

  it('gives every known fact its value and the time it was learned', () => {
    const entry = entryOf('Contoso', {
      stores: { value: { keyVault: 'present', keychain: 'present', sameToken: false }, at: daysAgo(2) },
      tokenIssuedAt: { value: daysAgo(30), at: daysAgo(30) },
      lastRedemption: { value: daysAgo(10), at: daysAgo(10) },
      accessToken: { value: { user: 'admin@contoso.com', mfa: true, audience: 'https://api.partnercenter.microsoft.com', scopes: ['user_impersonation'], expiresAt: null }, at: daysAgo(10) },
      partnerCenterProbe: { value: { ok: false, error: 'partner-center-denied' }, at: daysAgo(2) },
      credentialExpiry: { value: { kind: 'secret', expiresAt: daysAgo(-200) }, at: daysAgo(5) },
      lastError: { value: { code: 'key-vault-forbidden', detail: { permission: 'get' } }, at: daysAgo(2) },
      lastCheck: { value: 'complete', at: daysAgo(2) },
    });
    const rows = factRows(entry, keyT, 'en-US');
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(rows.map((row) => row.key)).toEqual(['keyVault', 'keychain', 'keyVaultInSync', 'grantProven', 'issuedAt', 'lastRedemption', 'windowEnds', 'admin', 'mfa', 'scopes', 'accessTokenExpires', 'partnerCenter', 'credentialExpires', 'lastError', 'lastCheck']);
    expect(byKey.get('keyVault')).toEqual({ key: 'keyVault', label: 'health.details.keyVault', value: 'health.stores.present', learnedAt: daysAgo(2) });
    expect(byKey.get('keyVaultInSync')?.value).toBe('health.values.no');
    expect(byKey.get('admin')).toMatchObject({ value: 'admin@contoso.com', learnedAt: daysAgo(10) });
    expect(byKey.get('scopes')?.value).toBe('user_impersonation');
    expect(byKey.get('accessTokenExpires')?.value).toBe('health.values.unknown');
    expect(byKey.get('partnerCenter')?.value).toBe('health.details.probeFailed{"code":"partner-center-denied"}');
    expect(byKey.get('lastError')?.value).toBe('sam.errors.key-vault-forbidden.message{"permission":"get"}');
    expect(byKey.get('lastCheck')?.value).toBe('health.details.checkResults.complete');
  });

  it('says what automation finds in Key Vault, and leaves out facts dated in the future', () => {
    const entry = entryOf('Deleted', {
      keyVaultSecret: { value: { status: 'soft-deleted', deletedAt: daysAgo(1), purgeAt: daysAgo(-89) }, at: daysAgo(0) },
      lastRedemption: { value: daysAgo(-20), at: daysAgo(-20) },
      lastCheck: { value: 'complete', at: daysAgo(0) },
    });
    const rows = factRows(entry, keyT, 'en-US');
    expect(rows.map((row) => row.key)).toEqual(['keyVaultSecret', 'lastCheck']);
    expect(rows[0]?.value).toMatch(/^health\.details\.secretStates\.soft-deleted/);
  });

  it('leaves out the window of a token refused for good, and shows one that has passed', () => {
    const revoked = entryOf('Revoked', { tokenIssuedAt: { value: daysAgo(1), at: daysAgo(1) }, lastError: { value: { code: 'grant-revoked', detail: {} }, at: daysAgo(0) }, lastCheck: { value: 'complete', at: daysAgo(0) } });
    expect(factRows(revoked, keyT, 'en-US').map((row) => row.key)).not.toContain('windowEnds');
    const unused = entryOf('Unused', { tokenIssuedAt: { value: daysAgo(95), at: daysAgo(95) }, lastCheck: { value: 'complete', at: daysAgo(0) } });
    expect(factRows(unused, keyT, 'en-US').find((row) => row.key === 'windowEnds')?.value).toMatch(/"days":0\}$/);
  });

  it('ends the window 90 days after the later of the issue and the last redemption, learned when that was', () => {
    const entry = entryOf('Contoso', { tokenIssuedAt: { value: daysAgo(30), at: daysAgo(30) }, lastRedemption: { value: daysAgo(10), at: daysAgo(9) }, lastCheck: { value: 'complete', at: daysAgo(1) } });
    const window = factRows(entry, keyT, 'en-US').find((row) => row.key === 'windowEnds');
    expect(window?.learnedAt).toBe(daysAgo(9));
    expect(window?.value).toMatch(/^health\.details\.windowEndsValue\{"at":".+","days":80\}$/);
  });
});
