import { describe, expect, it } from 'vitest';
import { healthActions } from '../../../../shared/health/health-state';
import { auditDetails, auditFileName, exportedEvents } from './audit-text';
import { commandFor } from './next-action';
import { checkSettingsForm, formFromSettings } from './settings-form';
import { keyT } from './testing';

describe('commandFor', () => {
  it('gives every action but "none" one button', () => {
    expect(Object.fromEntries(healthActions.map((action) => [action, commandFor(action)]))).toEqual({
      reconsent: 'reconsent',
      'refresh-now': 'refresh',
      'recover-key-vault': 'recover',
      'enable-key-vault': 'enable',
      'write-key-vault': 'write',
      'renew-credential': 'open',
      'check-now': 'check',
      'open-profile': 'open',
      none: null,
    });
  });
});

describe('audit texts', () => {
  it('lists an event’s named facts, naming a health state in words', () => {
    const event = { at: '2025-06-01T12:00:00.000Z', profileId: 'p', kind: 'health-check' as const, outcome: 'failed' as const, facts: { state: 'dead', refresh: 'yes' } };
    expect(auditDetails(event, keyT)).toBe('state: health.states.dead.name, refresh: yes');
    expect(auditDetails({ ...event, facts: undefined }, keyT)).toBe('');
  });

  it('names the export file by what and when, and counts its events', () => {
    expect(auditFileName('jsonl', new Date('2025-06-01T23:59:00.000Z'))).toBe('sam-desk-audit-2025-06-01.jsonl');
    expect(auditFileName('csv', new Date('2025-06-01T00:00:00.000Z'))).toBe('sam-desk-audit-2025-06-01.csv');
    expect(exportedEvents('{"a":1}\n{"a":2}\n', 'jsonl')).toBe(2);
    expect(exportedEvents('at,kind\r\nx,y\r\nz,w\r\n', 'csv')).toBe(2);
    expect(exportedEvents('', 'csv')).toBe(0);
  });
});

describe('checkSettingsForm', () => {
  const settings = { scheduled: true, intervalHours: 24, keepAlive: false, notify: true, expiringThresholdDays: 14, probe: true, probeIntervalHours: 24, keyVaultVersionsKept: 2 };

  it('round-trips the saved settings', () => {
    expect(checkSettingsForm(formFromSettings(settings))).toEqual({ ok: true, settings });
  });

  it('takes whole numbers within the bounds main enforces, spaces around them allowed', () => {
    expect(checkSettingsForm({ ...formFromSettings(settings), intervalHours: ' 336 ', expiringThresholdDays: '89' })).toEqual({ ok: true, settings: { ...settings, intervalHours: 336, expiringThresholdDays: 89 } });
    expect(checkSettingsForm({ ...formFromSettings(settings), intervalHours: '1', expiringThresholdDays: '1' }).ok).toBe(true);
  });

  it.each(['', '0', '337', '1.5', '-3', '1e2', 'twelve'])('names the interval field for %j', (value) => {
    expect(checkSettingsForm({ ...formFromSettings(settings), intervalHours: value })).toEqual({ ok: false, errors: ['intervalHours'] });
  });

  it('names every field that needs fixing', () => {
    expect(checkSettingsForm({ ...formFromSettings(settings), intervalHours: '0', expiringThresholdDays: '90', probeIntervalHours: '721' })).toEqual({ ok: false, errors: ['intervalHours', 'expiringThresholdDays', 'probeIntervalHours'] });
  });

  it('takes a probe interval from 1 hour to 30 days', () => {
    expect(checkSettingsForm({ ...formFromSettings(settings), probeIntervalHours: '720' })).toEqual({ ok: true, settings: { ...settings, probeIntervalHours: 720 } });
    expect(checkSettingsForm({ ...formFromSettings(settings), probeIntervalHours: '0' })).toEqual({ ok: false, errors: ['probeIntervalHours'] });
  });

  it('keeps 1 to 25 Key Vault versions enabled', () => {
    expect(checkSettingsForm({ ...formFromSettings(settings), keyVaultVersionsKept: '25' })).toEqual({ ok: true, settings: { ...settings, keyVaultVersionsKept: 25 } });
    expect(checkSettingsForm({ ...formFromSettings(settings), keyVaultVersionsKept: '1' }).ok).toBe(true);
    for (const value of ['0', '26', '']) expect(checkSettingsForm({ ...formFromSettings(settings), keyVaultVersionsKept: value })).toEqual({ ok: false, errors: ['keyVaultVersionsKept'] });
  });
});
