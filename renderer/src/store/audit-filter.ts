import type { AuditFilter, AuditKind } from '../../../shared/audit/audit-event';

/** What the audit log view filters by; null means "all". */
export interface AuditFilterForm {
  readonly profileId: string | null;
  readonly kind: AuditKind | null;
  readonly outcome: 'ok' | 'failed' | null;
}

export const noAuditFilter: AuditFilterForm = { profileId: null, kind: null, outcome: null };

/** The request main understands: only the filters that are set (main rejects unknown or empty fields). */
export function auditRequest(form: AuditFilterForm): AuditFilter {
  return {
    ...(form.profileId ? { profileId: form.profileId } : {}),
    ...(form.kind ? { kinds: [form.kind] } : {}),
    ...(form.outcome ? { outcome: form.outcome } : {}),
  };
}

export function isFiltered(form: AuditFilterForm): boolean {
  return form.profileId !== null || form.kind !== null || form.outcome !== null;
}
