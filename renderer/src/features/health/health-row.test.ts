import { describe, expect, it } from 'vitest';
import { answerText, asOfText, daysLeftText, healthRow, healthRows, lastCheckText, reasonSentence } from './health-row';
import { daysAgo, entryOf, keyT, NOW } from './testing';

const checkedYesterday = { value: 'complete' as const, at: daysAgo(1) };
const both = { value: { keyVault: 'present' as const, keychain: 'present' as const, sameToken: true }, at: daysAgo(1) };
const mfaToken = { value: { user: 'admin@contoso.com', mfa: true, audience: null, scopes: [], expiresAt: null }, at: daysAgo(1) };

describe('healthRows', () => {
  it('puts the most urgent profile first: dead, then expiring by days left, then unknown, then healthy', () => {
    const rows = healthRows([
      entryOf('Healthy', { tokenIssuedAt: { value: daysAgo(1), at: daysAgo(1) }, lastCheck: checkedYesterday }),
      entryOf('Never checked', undefined),
      entryOf('Expiring later', { tokenIssuedAt: { value: daysAgo(80), at: daysAgo(1) }, lastCheck: checkedYesterday }),
      entryOf('Dead', { tokenIssuedAt: { value: daysAgo(95), at: daysAgo(1) }, lastCheck: checkedYesterday }),
      entryOf('Expiring first', { tokenIssuedAt: { value: daysAgo(85), at: daysAgo(1) }, lastCheck: checkedYesterday }),
    ]);
    expect(rows.map((row) => [row.name, row.state, row.daysLeft])).toEqual([
      ['Dead', 'dead', 0],
      ['Expiring first', 'expiring', 5],
      ['Expiring later', 'expiring', 10],
      ['Never checked', 'unknown', null],
      ['Healthy', 'healthy', 89],
    ]);
  });
});

describe('healthRow', () => {
  it('carries what the dashboard shows, with the top reason and the next action', () => {
    const row = healthRow(entryOf('Contoso', { stores: both, accessToken: mfaToken, tokenIssuedAt: { value: daysAgo(80), at: daysAgo(1) }, lastCheck: checkedYesterday }));
    expect(row).toEqual({
      profileId: 'id-Contoso',
      name: 'Contoso',
      state: 'expiring',
      daysLeft: 10,
      mfa: 'yes',
      keyVaultInSync: 'yes',
      lastCheckOffline: false,
      asOf: daysAgo(1),
      reason: { reason: 'inactivity-window-ending', values: { days: 10 } },
      action: 'refresh-now',
    });
  });

  it('says Key Vault sync does not apply to a profile that keeps its token in one store only', () => {
    const keychainOnly = { value: { keyVault: 'not-configured' as const, keychain: 'present' as const, sameToken: null }, at: daysAgo(1) };
    expect(healthRow(entryOf('Local', { stores: keychainOnly, lastCheck: checkedYesterday })).keyVaultInSync).toBe('notUsed');
  });

  it('gives a token Microsoft refused for good no days left, however recent its last redemption', () => {
    const entry = entryOf('Revoked', { tokenIssuedAt: { value: daysAgo(1), at: daysAgo(1) }, lastError: { value: { code: 'grant-revoked', detail: {} }, at: daysAgo(0) }, lastCheck: checkedYesterday });
    expect(entry.assessment).toMatchObject({ state: 'dead', daysLeft: 89 });
    expect(healthRow(entry)).toMatchObject({ state: 'dead', daysLeft: 0, action: 'reconsent' });
  });

  it('knows nothing yet about a profile never checked', () => {
    const row = healthRow(entryOf('New', undefined));
    expect(row).toMatchObject({ state: 'unknown', mfa: 'unknown', keyVaultInSync: 'unknown', asOf: null, action: 'check-now', reason: { reason: 'never-checked' } });
  });

  it('marks an offline check, dated by the newest fact known rather than by the failed attempt', () => {
    const row = healthRow(entryOf('Away', { stores: both, tokenIssuedAt: { value: daysAgo(3), at: daysAgo(3) }, lastCheck: { value: 'offline', at: daysAgo(0) } }));
    expect(row).toMatchObject({ state: 'unknown', lastCheckOffline: true, asOf: daysAgo(1), reason: { reason: 'offline', values: { asOf: daysAgo(1) } } });
  });
});

describe('row texts', () => {
  it('fills a reason sentence, showing instants in the reader’s language and time zone', () => {
    expect(reasonSentence({ reason: 'inactivity-window-ending', values: { days: 5 } }, keyT, 'en-US')).toBe('health.reasons.inactivity-window-ending{"days":5}');
    const offline = reasonSentence({ reason: 'offline', values: { asOf: '2025-05-31T12:00:00.000Z' } }, keyT, 'en-US');
    expect(offline).toContain('health.reasons.offline');
    expect(offline).not.toContain('2025-05-31T12');
    expect(offline).toContain('2025');
  });

  it('says when the last check was, or that there was none', () => {
    expect(lastCheckText(null, keyT, 'en', NOW.getTime())).toBe('health.values.never');
    expect(lastCheckText(daysAgo(2), keyT, 'en', NOW.getTime())).toBe('2 days ago');
    expect(lastCheckText(new Date(NOW.getTime() - 5 * 60_000).toISOString(), keyT, 'sv', NOW.getTime())).toBe('för 5 minuter sedan');
  });

  it('dates the picture with the exact time and its age', () => {
    const text = asOfText(daysAgo(1), keyT, 'en-US', NOW.getTime());
    expect(text).toMatch(/^health\.asOf\{"asOf":".*2025.*\(yesterday\)"\}$/);
  });

  it('writes days left as a number, or a dash when unknown', () => {
    expect(daysLeftText(1234, keyT, 'en-US')).toBe('1,234');
    expect(daysLeftText(null, keyT, 'en')).toBe('health.values.none');
    expect(answerText('notUsed', keyT)).toBe('health.values.notUsed');
  });
});
