import type { TFunction } from 'i18next';
import type { Inspection } from '../../shared/inspector/inspection';

/**
 * The `sam-desk inspect --json` object: a contract for scripts (see docs/cli.md). Fields may be added, never
 * renamed or removed; check messages are rendered in the given translator's language.
 */
export interface InspectionJson {
  readonly kind: Inspection['kind'];
  readonly header: Inspection['header'];
  readonly claims: Inspection['claims'];
  readonly times: Inspection['times'];
  readonly summary: Inspection['summary'];
  readonly checks: ReadonlyArray<{ readonly id: string; readonly status: Inspection['checks'][number]['status']; readonly message: string }>;
}

export function toInspectionJson(inspection: Inspection, t: TFunction): InspectionJson {
  return {
    kind: inspection.kind,
    header: inspection.header,
    claims: inspection.claims,
    times: inspection.times,
    summary: inspection.summary,
    checks: inspection.checks.map((check) => ({ id: check.id, status: check.status, message: t(check.messageKey, check.params) })),
  };
}
