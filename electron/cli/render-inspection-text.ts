import type { TFunction } from 'i18next';
import { claimCatalogue, explainClaim, wellKnownIds } from '../../shared/inspector/claim-catalogue';
import type { Inspection } from '../../shared/inspector/inspection';
import { formatDateTime, formatRelativeSeconds, localizeDateParams } from '../../shared/i18n/relative-time';
import { terminalSafe } from './terminal-safe';

/** The readable report `sam-desk inspect` prints: the same facts, checks and explanations as the app's screen. */
export function renderInspectionText(inspection: Inspection, t: TFunction, language: string, now: Date): string {
  const lines: string[] = [];
  const kind = t(`inspector.kinds.${inspection.kind}`);
  const where = t(`inspector.sources.${inspection.source}`) + (inspection.parameter ? ` (${inspection.parameter})` : '');
  lines.push(`${t('inspect.kindLabel')}: ${kind} — ${t('inspect.foundIn')}: ${where}`);
  if (inspection.problem) lines.push(t(inspection.problem.messageKey, inspection.problem.params));
  if (inspection.kind !== 'jwt') return joined(lines);

  const none = t('inspect.none');
  const named = (id: string | null): string => (id === null ? none : wellKnownIds[id.toLowerCase()] ? `${id} (${wellKnownIds[id.toLowerCase()] ?? ''})` : id);
  const when = (iso: string | null): string => (iso === null ? none : `${formatDateTime(iso, language)} (${formatRelativeSeconds(Math.round((Date.parse(iso) - now.getTime()) / 1000), language)})`);
  const { summary, times } = inspection;
  const facts: Array<[string, string]> = [
    [t('inspect.fields.user'), summary.user ?? none],
    [t('inspect.fields.tenantId'), summary.tenantId ?? none],
    [t('inspect.fields.audience'), named(summary.audience)],
    [t('inspect.fields.appId'), named(summary.appId)],
    [t('inspect.fields.scopes'), summary.scopes.join(', ') || none],
    [t('inspect.fields.roles'), summary.roles.join(', ') || none],
    [t('inspect.fields.mfa'), summary.mfa === null ? t('inspect.mfaUnknown') : summary.mfa ? t('inspect.mfaYes') : t('inspect.mfaNo')],
    [t('inspect.fields.version'), summary.version ?? none],
    [t('inspect.fields.issuedAt'), when(times.issuedAt)],
    [t('inspect.fields.notBefore'), when(times.notBefore)],
    [t('inspect.fields.expiresAt'), when(times.expiresAt)],
    [t('inspect.fields.signature'), t('inspect.signatureUnverified', { alg: inspection.signature.alg ?? none })],
  ];
  lines.push('', ...aligned(facts));

  const statusWidth = Math.max(...(['pass', 'warn', 'fail', 'info'] as const).map((status) => t(`inspect.status.${status}`).length));
  lines.push('', t('inspect.checksHeading'));
  for (const check of inspection.checks) {
    lines.push(`  ${t(`inspect.status.${check.status}`).toUpperCase().padEnd(statusWidth)}  ${t(check.messageKey, localizeDateParams(check.params, language))}`);
  }

  lines.push('', t('inspect.claimsHeading'));
  for (const [name, value] of Object.entries(inspection.claims ?? {})) {
    lines.push(`  ${name}: ${claimText(name, value, language, now)}`, `      ${t(explainClaim(name))}`);
  }
  return joined(lines);
}

function joined(lines: readonly string[]): string {
  return `${lines.map(terminalSafe).join('\n')}\n`;
}

function aligned(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${`${label}:`.padEnd(width + 1)}  ${value}`);
}

function claimText(name: string, value: unknown, language: string, now: Date): string {
  if (claimCatalogue[name]?.kind === 'time' && typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 8.64e12) {
    const iso = new Date(value * 1000).toISOString();
    return `${String(value)} = ${formatDateTime(iso, language)} (${formatRelativeSeconds(Math.round(value - now.getTime() / 1000), language)})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
