import type { MethodResponse } from '../../../shared/ipc/contract';

export type HealthEntry = MethodResponse<'health.list'>['entries'][number];
export type HealthSettings = MethodResponse<'health.list'>['settings'];
export type AuditEvent = MethodResponse<'audit.list'>['events'][number];

/** The list with the entries a check or refresh answered put in place of the old ones; other profiles are kept. */
export function mergeEntries(current: readonly HealthEntry[], updated: readonly HealthEntry[]): HealthEntry[] {
  const fresh = new Map(updated.map((entry) => [entry.profileId, entry]));
  const merged = current.map((entry) => fresh.get(entry.profileId) ?? entry);
  const known = new Set(current.map((entry) => entry.profileId));
  return [...merged, ...updated.filter((entry) => !known.has(entry.profileId))];
}
