import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessHealth } from '../../../shared/health/assess-health';
import type { HealthFacts } from '../../../shared/health/health-facts';
import { memoryVault } from '../../testing/memory-vault';
import { createSamDeskServices } from '../sam-desk-services';
import { bindConsentedTokens } from '../sam/bound-endpoints';
import { secretAccounts } from '../secrets/secret-vault';
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
    const seen = Object.fromEntries(before.map((item) => [item.profileId, item.assessment.state]));
    expect(worsened(seen, after).map((notice) => [notice.entry.profileId, notice.previous, notice.entry.assessment.state])).toEqual([
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

  it('notifies a token that turned expiring by the calendar alone, once, and again after a restart only if it got worse', async () => {
    let clock = now.getTime();
    const directory = mkdtempSync(join(tmpdir(), 'sam-desk-schedule-'));
    const vault = memoryVault();
    const services = createSamDeskServices({ userDataDirectory: directory, vault, openBrowser: () => undefined, now: () => new Date(clock), loopbackPages: { success: '', failure: '' } });
    const created = await services.profiles.create(
      { displayName: 'Quiet partner', tenant: randomUUID(), clientId: randomUUID(), credential: { kind: 'secret' }, keyVault: null, keychain: true, redirectPort: 'any', cloud: { kind: 'custom', authorityHost: 'https://127.0.0.1:9', partnerCenterUrl: 'https://127.0.0.1:9', keyVaultSuffix: 'vault.example' } },
      { clientSecret: 'not-used' },
    );
    if (!created.ok) throw new Error('profile not created');
    const profileId = created.profile.id;
    await vault.set(secretAccounts.refreshToken(profileId), 'a refresh token');
    // As a consent leaves it: the token belongs to the endpoints it was consented for.
    await bindConsentedTokens(created.profile, vault);
    // A token redeemed today, then never used: nothing about it changes but the date. Its sign-in host answers nothing,
    // so every check's probe is offline: unknown, until the calendar alone makes it expiring, then dead.
    await services.health.facts.update(profileId, (current) => ({ ...current, tokenIssuedAt: { value: new Date(clock).toISOString(), at: new Date(clock).toISOString() } }));
    const notices: string[] = [];
    const start = () => startHealthScheduler({ health: services.health, now: () => new Date(clock), notify: ({ entry, previous }) => notices.push(`${previous}->${entry.assessment.state}`), pollMs: 3_600_000 });
    let scheduler = start();
    try {
      expect(await scheduler.runIfDue()).toBe(true);
      clock += 70 * 86_400_000;
      expect(await scheduler.runIfDue()).toBe(true);
      expect(notices).toEqual([]);
      clock += 10 * 86_400_000;
      expect(await scheduler.runIfDue()).toBe(true);
      expect(notices).toEqual(['unknown->expiring']);
      clock += 86_400_000;
      expect(await scheduler.runIfDue()).toBe(true);
      expect(notices).toEqual(['unknown->expiring']);
      scheduler.stop();
      scheduler = start();
      clock += 86_400_000;
      expect(await scheduler.runIfDue()).toBe(true);
      expect(notices).toEqual(['unknown->expiring']);
      clock += 10 * 86_400_000;
      expect(await scheduler.runIfDue()).toBe(true);
      expect(notices).toEqual(['unknown->expiring', 'expiring->dead']);
    } finally {
      scheduler.stop();
    }
  });
});
