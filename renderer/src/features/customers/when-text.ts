import { formatDateTime, formatRelativeSeconds } from '../../../../shared/i18n/relative-time';

/** "2 Dec 2026, 10:15:00 (5 minutes ago)": the exact time and how old it is, for "as of" lines. */
export function whenText(iso: string, language: string, now: Date): string {
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  return `${formatDateTime(iso, language)} (${formatRelativeSeconds(seconds, language)})`;
}
