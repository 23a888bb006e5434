import { claimCatalogue, wellKnownIds } from '../../../../shared/inspector/claim-catalogue';
import { formatDateTime, formatRelativeSeconds } from '../../../../shared/i18n/relative-time';
import { revealHidden } from '../../../../shared/text/hidden-characters';

/**
 * A claim's value as a person reads it: times as local dates with "3 days ago", lists joined, known ids named, and
 * control, direction-changing and zero-width characters shown as \u escapes, so a spoofed audience or UPN cannot
 * pass for the real one.
 */
export function formatClaimValue(name: string, value: unknown, language: string, nowMs: number): string {
  return revealHidden(readableClaimValue(name, value, language, nowMs));
}

function readableClaimValue(name: string, value: unknown, language: string, nowMs: number): string {
  const kind = claimCatalogue[name]?.kind ?? 'text';
  if (kind === 'time' && typeof value === 'number' && Number.isFinite(value)) {
    const iso = new Date(value * 1000).toISOString();
    return `${formatDateTime(iso, language)} (${formatRelativeSeconds(Math.round(value - nowMs / 1000), language)})`;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map(annotateId).join(', ');
  if (typeof value === 'string') return name === 'scp' ? value.split(' ').join(', ') : annotateId(value);
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** The raw value for the Copy button: exactly what the token says. */
export function rawClaimValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function annotateId(value: string): string {
  const known = wellKnownIds[value.toLowerCase()];
  return known ? `${value} (${known})` : value;
}
