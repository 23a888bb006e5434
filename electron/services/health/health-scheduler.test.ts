import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessHealth } from '../../../shared/health/assess-health';
import type { HealthFacts } from '../../../shared/health/health-facts';
import { memoryVault } from '../../testing/memory-vault';
import { createSamDeskServices } from '../sam-desk-services';
import type { HealthEntry } from './health-service';
import { startHealthScheduler, worsened } from './health-scheduler';

const now = new Date('2026-12-02T12:00:00Z');
const daysAgo = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();
function entry(profileId: string, facts: Omit<HealthFacts, 'profileId'>): HealthEntry {
  const full = { profileId, ...facts };
  return { profileId, displayName: profileId, facts: full, assessment: assessHealth(full, { now, expiringThresholdDays: 14 }) };
}
const checked = { lastCheck: { value: 'complete' as const, at: daysAgo(0) }, stores: { value: { keyVault: 'not-configured' as const, keychain: 'present' as const, sameToken: null }, at: daysAgo(0) } };

describe('the scheduled health check', () => {
  it('notifies only profiles that turned worse into expiring, action needed or dead', () => {
    const before = [entry('a', { ...checked, tokenIssuedAt: { value: daysAgo(70), at: daysAgo(70) } }), entry('b', { ...checked, tokenIssuedAt: { value: daysAgo(80), at: daysAgo(80) } }), entry('c', { ...checked, tokenIssuedAt: { value: daysAgo(1), at: daysAgo(1) } })];
    const after = [
      entry('a', { ...checked, tokenIssuedAt: { value: daysAgo(80), at: daysAgo(80) } }),
      entry('b', { ...checked, tokenIssuedAt: { value: daysAgo(80), at: daysAgo(80) } }),
      entry('c', { ...checked, tokenIssuedAt: { value: daysAgo(1), at: daysAgo(1) }, lastError: { value: { code: 'grant-revoked', detail: {} }, at: daysAgo(0) } }),
    ];
    expect(before.map((item) => item.assessment.state)).toEqual(['healthy', 'expiring', 'healthy']);
    expect(worsened(before, after).map((notice) => [notice.entry.profileId, notice.previous, notice.entry.assessment.state])).toEqual([
      ['a', 'healthy', 'expiring'],
      ['c', 'healthy', 'dead'],
    ]);
  });

  it('checks when a profile was never checked or the interval has passed, and not when switched off', async () => {
    let clock = now.getTime();
    const services = createSamDeskServices({ userDataDirectory: mkdtempSync(join(tmpdir(), 'sam-desk-schedule-')), vault: memoryVault(), openBrowser: () => undefined, now: () => new Date(clock), loopbackPages: { success: '', failure: '' } });
    const created = await services.profiles.create(
      { displayName: 'Offline partner', tenant: randomUUID(), clientId: randomUUID(), credential: { kind: 'secret' }, keyVault: null, keychain: true, redirectPort: 'any', cloud: { kind: 'custom', authorityHost: 'https://127.0.0.1:9', partnerCenterUrl: 'https://127.0.0.1:9', keyVaultSuffix: 'vault.example' } },
      { clientSecret: 'not-used' },
    );
    expect(created.ok).toBe(true);
    const scheduler = startHealthScheduler({ health: services.health, now: () => new Date(clock), notify: () => undefined, pollMs: 3_600_000 });
    try {
      expect(await scheduler.runIfDue()).toBe(true);
      expect(await scheduler.runIfDue()).toBe(false);
      clock += 25 * 3_600_000;
      await services.health.updateSettings({ scheduled: false });
      expect(await scheduler.runIfDue()).toBe(false);
      await services.health.updateSettings({ scheduled: true });
      expect(await scheduler.runIfDue()).toBe(true);
      expect((await services.audit.read({ kinds: ['health-check'] })).length).toBe(2);
    } finally {
      scheduler.stop();
    }
  });
});
