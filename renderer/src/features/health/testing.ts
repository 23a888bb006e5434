import { assessHealth } from '../../../../shared/health/assess-health';
import type { HealthFacts } from '../../../../shared/health/health-facts';
import { healthEntrySchema } from '../../../../shared/health/health-schemas';
import type { HealthEntry } from '../../store/health-entries';
import type { Translate } from './translate';

/** The tests' "now", and instants relative to it. */
export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

/** An entry assessed the way main assesses it, from the given facts, as it reaches the window through the contract. */
export function entryOf(displayName: string, facts: Omit<HealthFacts, 'profileId'> | undefined, expiringThresholdDays = 14): HealthEntry {
  const profileId = `id-${displayName}`;
  const withId = facts ? { ...facts, profileId } : undefined;
  return healthEntrySchema.parse({ profileId, displayName, facts: withId ?? { profileId }, assessment: assessHealth(withId, { now: NOW, expiringThresholdDays }) });
}

/** A stand-in for t(): the key, and the values when there are any, so a test sees what would be translated. */
export const keyT: Translate = (key, values) => (values && Object.keys(values).length > 0 ? `${key}${JSON.stringify(values)}` : key);
