import type { TFunction } from 'i18next';
import { localizeDateParams } from '../../../shared/i18n/relative-time';
import type { HealthEntry } from './health-service';

/** The words of a health notification, in the admin's language: whose token, what state, the main reason. */
export function notificationText(entry: HealthEntry, t: TFunction, language: string): { readonly title: string; readonly body: string } {
  const { state, reasons, daysLeft } = entry.assessment;
  const top = reasons[0];
  const reason = top ? t(`health.reasons.${top.reason}`, localizeDateParams(top.values, language)) : '';
  const key = state === 'dead' ? 'dead' : state === 'expiring' ? 'expiring' : 'actionNeeded';
  const values = { profile: entry.displayName, days: daysLeft ?? 0, reason };
  return { title: t(`health.notifications.${key}.title`, values), body: t(`health.notifications.${key}.body`, values) };
}
