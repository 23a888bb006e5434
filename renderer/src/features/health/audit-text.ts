import { healthStates, type HealthState } from '../../../../shared/health/health-state';
import type { AuditEvent } from '../../store/health-entries';
import type { Translate } from './translate';

const isState = (value: string | number): value is HealthState => typeof value === 'string' && (healthStates as readonly string[]).includes(value);

/** An event's named facts on one line ("user: admin@…, keyVault: saved"); a health state in the reader's words. */
export function auditDetails(event: AuditEvent, t: Translate): string {
  return Object.entries(event.facts ?? {})
    .map(([name, value]) => `${name}: ${name === 'state' && isState(value) ? t(`health.states.${value}.name`) : String(value)}`)
    .join(', ');
}

/** "sam-desk-audit-2025-06-01.jsonl": what and when, in a name every file system takes. */
export function auditFileName(format: 'jsonl' | 'csv', now: Date): string {
  return `sam-desk-audit-${now.toISOString().slice(0, 10)}.${format}`;
}

/** How many events an export holds: a line each, after the CSV's header line. */
export function exportedEvents(text: string, format: 'jsonl' | 'csv'): number {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}
