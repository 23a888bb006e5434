/**
 * "in 42 minutes" / "3 days ago" in the reader's language, picking the largest unit that keeps the number
 * readable. Used by the renderer's live countdown and the CLI's text report alike.
 */
const units: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function formatRelativeSeconds(seconds: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const magnitude = Math.abs(seconds);
  for (const [unit, size] of units) {
    if (magnitude >= size || unit === 'second') return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** A date and time in the reader's language and time zone. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Message parameters with ISO-8601 instants shown as local dates. Check messages carry instants as ISO so that
 * `--json` stays machine-readable; people read them in their own language and time zone.
 */
export function localizeDateParams(params: Readonly<Record<string, string | number>>, language: string): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' && isoInstant.test(value) ? formatDateTime(value, language) : value]));
}
