import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { wellKnownIds } from '../../../../shared/inspector/claim-catalogue';
import type { Inspection } from '../../../../shared/inspector/inspection';
import { formatDateTime, formatRelativeSeconds } from '../../../../shared/i18n/relative-time';
import { revealHidden } from '../../../../shared/text/hidden-characters';
import { CopyButton } from '../../components/CopyButton';
import { useNow } from './use-now';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, wordBreak: 'break-all' },
  kind: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBottom: tokens.spacingVerticalS },
});

export function InspectionSummary({ inspection }: { readonly inspection: Inspection }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { summary, times } = inspection;
  const now = useNow(times.expiresAt !== null);
  const none = t('inspect.none');
  const named = (id: string | null): string => (id ? (wellKnownIds[id.toLowerCase()] ? `${id} (${wellKnownIds[id.toLowerCase()]})` : id) : none);

  const rows: Array<{ key: string; label: string; value: string; copy?: string | null }> = [
    { key: 'user', label: t('inspect.fields.user'), value: summary.user ?? none, copy: summary.user },
    { key: 'tenantId', label: t('inspect.fields.tenantId'), value: summary.tenantId ?? none, copy: summary.tenantId },
    { key: 'audience', label: t('inspect.fields.audience'), value: named(summary.audience), copy: summary.audience },
    { key: 'appId', label: t('inspect.fields.appId'), value: named(summary.appId), copy: summary.appId },
    { key: 'scopes', label: t('inspect.fields.scopes'), value: summary.scopes.join(', ') || none },
    { key: 'roles', label: t('inspect.fields.roles'), value: summary.roles.join(', ') || none },
    {
      key: 'mfa',
      label: t('inspect.fields.mfa'),
      value: summary.mfa === null ? t('inspect.mfaUnknown') : summary.mfa ? t('inspect.mfaYes') : t('inspect.mfaNo'),
    },
    { key: 'version', label: t('inspect.fields.version'), value: summary.version ?? none },
    ...timeRow('issuedAt', times.issuedAt),
    ...timeRow('notBefore', times.notBefore),
    ...timeRow('expiresAt', times.expiresAt),
    ...(inspection.kind === 'jwt'
      ? [{ key: 'signature', label: t('inspect.fields.signature'), value: t('inspect.signatureUnverified', { alg: inspection.signature.alg ?? none }) }]
      : []),
    { key: 'length', label: t('inspect.fields.length'), value: t('inspect.lengthValue', { count: inspection.length }) },
  ];

  function timeRow(key: 'issuedAt' | 'notBefore' | 'expiresAt', iso: string | null) {
    if (!iso) return [];
    const seconds = Math.round((Date.parse(iso) - now) / 1000);
    return [{ key, label: t(`inspect.fields.${key}`), value: `${formatDateTime(iso, language)} (${formatRelativeSeconds(seconds, language)})` }];
  }

  const expirySeconds = times.expiresAt ? Math.round((Date.parse(times.expiresAt) - now) / 1000) : null;
  return (
    <section aria-labelledby="summary-heading">
      <Text as="h3" block id="summary-heading" weight="semibold" size={400}>
        {t('inspect.summaryHeading')}
      </Text>
      <div className={styles.kind}>
        <Badge appearance="filled" data-testid="token-kind">
          {t(`inspector.kinds.${inspection.kind}`)}
        </Badge>
        {expirySeconds !== null && (
          <Badge appearance="tint" color={expirySeconds > 0 ? 'informative' : 'danger'} data-testid="countdown" role="timer" aria-live="off">
            {t(expirySeconds > 0 ? 'inspect.expiresLive' : 'inspect.expiredLive', { relative: formatRelativeSeconds(expirySeconds, language) })}
          </Badge>
        )}
        <Text size={200}>
          {t('inspect.foundIn')}: {t(`inspector.sources.${inspection.source}`)}
          {inspection.parameter ? ` (${inspection.parameter})` : ''}
        </Text>
      </div>
      {inspection.problem && (
        <Text as="p" block data-testid="problem">
          {t(inspection.problem.messageKey, inspection.problem.params)}
        </Text>
      )}
      {inspection.kind === 'jwt' && (
        <dl className={styles.grid} data-testid="summary">
          {rows.map((row) => (
            <div key={row.key} style={{ display: 'contents' }} data-field={row.key}>
              <dt className={styles.term}>{row.label}</dt>
              <dd className={styles.value}>
                {/* Claim text from the token: hidden characters shown as \u escapes. */}
                <span>{revealHidden(row.value)}</span>
                {row.copy ? <CopyButton value={row.copy} name={row.label} /> : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
