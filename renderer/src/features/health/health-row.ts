import { sortByUrgency } from '../../../../shared/health/assess-health';
import type { HealthAction, HealthReason, HealthState } from '../../../../shared/health/health-state';
import { formatDateTime, formatRelativeSeconds, localizeDateParams } from '../../../../shared/i18n/relative-time';
import type { HealthEntry } from '../../store/health-entries';
import type { Translate } from './translate';

/** A yes/no fact that may be unknown, or not apply (a profile without Key Vault has nothing to be in sync with). */
export type Answer = 'yes' | 'no' | 'unknown' | 'notUsed';

type Reason = HealthEntry['assessment']['reasons'][number];

/** One dashboard row: what the table shows of a profile's health, before any words are chosen. */
export interface HealthRow {
  readonly profileId: string;
  readonly name: string;
  readonly state: HealthState;
  readonly daysLeft: number | null;
  readonly mfa: Answer;
  readonly keyVaultInSync: Answer;
  readonly lastCheckOffline: boolean;
  readonly asOf: string | null;
  /** The most important reason: its sentence is the row's explanation. */
  readonly reason: Reason | null;
  readonly action: HealthAction;
}

function answer(value: boolean | null): Answer {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

export function healthRow(entry: HealthEntry): HealthRow {
  const { assessment, facts } = entry;
  const stores = facts.stores?.value;
  const usesBoth = stores ? stores.keyVault !== 'not-configured' && stores.keychain !== 'not-configured' : true;
  return {
    profileId: entry.profileId,
    name: entry.displayName,
    state: assessment.state,
    daysLeft: shownDaysLeft(entry),
    mfa: answer(assessment.mfa),
    keyVaultInSync: usesBoth ? answer(assessment.keyVaultInSync) : 'notUsed',
    lastCheckOffline: facts.lastCheck?.value === 'offline',
    asOf: assessment.asOf,
    reason: assessment.reasons[0] ?? null,
    action: assessment.action,
  };
}

/**
 * Days left as the admin should read them. A token Microsoft refused for good (revoked, expired in Entra's eyes) has no
 * days left, whatever its dates say: its window would otherwise still count down from the last redemption.
 */
export function shownDaysLeft(entry: HealthEntry): number | null {
  const { state, daysLeft } = entry.assessment;
  return state === 'dead' && daysLeft !== null ? 0 : daysLeft;
}

/** The rows in the dashboard's order: the profile to look after next first. */
export function healthRows(entries: readonly HealthEntry[]): HealthRow[] {
  return sortByUrgency(entries, (entry) => entry.assessment, (entry) => entry.displayName).map(healthRow);
}

/** A reason as a sentence; instants among its values are shown in the reader's language and time zone. */
export function reasonSentence(reason: { readonly reason: HealthReason; readonly values: Readonly<Record<string, string | number>> }, t: Translate, language: string): string {
  return t(`health.reasons.${reason.reason}`, localizeDateParams(reason.values, language));
}

export function answerText(value: Answer, t: Translate): string {
  return t(`health.values.${value}`);
}

/** "3 minutes ago", or "Never" for a profile nothing is known of yet. */
export function lastCheckText(at: string | null, t: Translate, language: string, now: number): string {
  return at === null ? t('health.values.never') : relative(at, language, now);
}

/** "As of 2 Jun 2025, 10:15:00 (5 minutes ago)": how old the picture is, which matters most offline. */
export function asOfText(asOf: string, t: Translate, language: string, now: number): string {
  return t('health.asOf', { asOf: `${formatDateTime(asOf, language)} (${relative(asOf, language, now)})` });
}

export function daysLeftText(days: number | null, t: Translate, language: string): string {
  return days === null ? t('health.values.none') : days.toLocaleString(language);
}

function relative(iso: string, language: string, now: number): string {
  return formatRelativeSeconds(Math.round((Date.parse(iso) - now) / 1000), language);
}
