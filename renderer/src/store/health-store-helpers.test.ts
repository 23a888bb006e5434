import { describe, expect, it } from 'vitest';
import { assessHealth } from '../../../shared/health/assess-health';
import { healthEntrySchema } from '../../../shared/health/health-schemas';
import { auditRequest, isFiltered, noAuditFilter } from './audit-filter';
import { mergeEntries, type HealthEntry } from './health-entries';
import { MAX_NOTIFICATIONS, pushNotification, type HealthNotification } from './health-notifications';

const options = { now: new Date('2025-06-01T12:00:00.000Z'), expiringThresholdDays: 14 };
const entry = (profileId: string, displayName: string): HealthEntry => healthEntrySchema.parse({ profileId, displayName, facts: { profileId }, assessment: assessHealth(undefined, options) });

describe('mergeEntries', () => {
  it('puts answered entries in place of the old ones and keeps the order and the others', () => {
    const current = [entry('a', 'A'), entry('b', 'B'), entry('c', 'C')];
    const merged = mergeEntries(current, [entry('b', 'B renamed')]);
    expect(merged.map((item) => item.displayName)).toEqual(['A', 'B renamed', 'C']);
  });

  it('adds a profile the list did not know yet', () => {
    expect(mergeEntries([entry('a', 'A')], [entry('b', 'B')]).map((item) => item.profileId)).toEqual(['a', 'b']);
  });
});

describe('auditRequest', () => {
  it('sends only the filters that are set', () => {
    expect(auditRequest(noAuditFilter)).toEqual({});
    expect(isFiltered(noAuditFilter)).toBe(false);
    const form = { profileId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', kind: 'rotation' as const, outcome: 'failed' as const };
    expect(auditRequest(form)).toEqual({ profileId: form.profileId, kinds: ['rotation'], outcome: 'failed' });
    expect(isFiltered({ ...noAuditFilter, outcome: 'ok' })).toBe(true);
  });
});

describe('pushNotification', () => {
  const notification = (id: number, profileId: string): HealthNotification => ({ id, profileId, state: 'expiring', title: `t${String(id)}`, body: 'b' });

  it('puts the newest on top and keeps the stack short', () => {
    let stack: HealthNotification[] = [];
    for (let id = 1; id <= MAX_NOTIFICATIONS + 2; id++) stack = pushNotification(stack, notification(id, `p${String(id)}`));
    expect(stack.map((shown) => shown.id)).toEqual([6, 5, 4, 3]);
  });

  it('replaces an older notification about the same profile', () => {
    const stack = pushNotification([notification(1, 'a'), notification(2, 'b')], notification(3, 'a'));
    expect(stack.map((shown) => shown.id)).toEqual([3, 2]);
  });
});
