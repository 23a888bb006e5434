import { Button, Field, makeStyles, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useMemo } from 'react';
import { auditKinds, type AuditKind } from '../../../../shared/audit/audit-event';
import { formatDateTime } from '../../../../shared/i18n/relative-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type VirtualTableColumn } from '../../components/VirtualTable';
import { isFiltered } from '../../store/audit-filter';
import type { AuditEvent } from '../../store/health-entries';
import { useHealthStore } from '../../store/health-store';
import { auditDetails } from './audit-text';
import { AuditExportButtons } from './AuditExportButtons';
import { AuditOutcome } from './AuditOutcome';
import { useTranslate } from './use-translate';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end', border: 0, margin: 0, padding: 0 },
  filter: { minWidth: '200px' },
  line: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'space-between' },
});

const ROW_HEIGHT = 40;

/** An event with a key that stays put as newer events arrive on top: its place counted from the oldest. */
interface AuditRow {
  readonly key: string;
  readonly event: AuditEvent;
}

const isKind = (value: string): value is AuditKind => (auditKinds as readonly string[]).includes(value);

/**
 * The local audit log: every consent, rotation, Key Vault write, refresh and check on this computer, filtered by
 * profile, event and outcome. Virtualized, so years of daily checks scroll as easily as a handful.
 */
export function AuditLogView() {
  const styles = useStyles();
  const { t, language } = useTranslate();
  const audit = useHealthStore((state) => state.audit);
  const entries = useHealthStore((state) => state.entries);
  const setAuditFilter = useHealthStore((state) => state.setAuditFilter);
  const loadAudit = useHealthStore((state) => state.loadAudit);
  const { filter, events } = audit;

  // Every visit reads the log again: checks and consents add to it while another view is shown.
  useEffect(() => {
    void loadAudit();
  }, [loadAudit]);

  const names = useMemo(() => new Map(entries.map((entry) => [entry.profileId, entry.displayName])), [entries]);
  const rows = useMemo<AuditRow[]>(() => events.map((event, index) => ({ key: String(events.length - index), event })), [events]);
  const columns = useMemo<VirtualTableColumn<AuditRow>[]>(
    () => [
      { id: 'at', header: t('health.audit.columns.at'), width: 'minmax(0, 12rem)', render: ({ event }) => <time dateTime={event.at}>{formatDateTime(event.at, language)}</time> },
      { id: 'profile', header: t('health.audit.columns.profile'), width: 'minmax(0, 1.4fr)', render: ({ event }) => names.get(event.profileId) ?? event.profileId },
      { id: 'kind', header: t('health.audit.columns.kind'), width: 'minmax(0, 1fr)', render: ({ event }) => t(`health.audit.kinds.${event.kind}`) },
      { id: 'outcome', header: t('health.audit.columns.outcome'), width: 'minmax(0, 8rem)', render: ({ event }) => <AuditOutcome outcome={event.outcome} /> },
      { id: 'code', header: t('health.audit.columns.code'), width: 'minmax(0, 1fr)', render: ({ event }) => event.code ?? '' },
      { id: 'details', header: t('health.audit.columns.details'), width: 'minmax(0, 2fr)', render: ({ event }) => <span title={auditDetails(event, t)}>{auditDetails(event, t)}</span> },
    ],
    [t, language, names],
  );

  return (
    <section className={styles.stack} aria-labelledby="audit-heading" data-testid="audit-log">
      <div>
        <Text as="h3" block size={500} weight="semibold" id="audit-heading" className={styles.heading}>
          {t('health.audit.heading')}
        </Text>
        <Text as="p" block>
          {t('health.audit.intro')}
        </Text>
      </div>
      <fieldset className={styles.filters} aria-label={t('health.audit.filters.label')}>
        <Field label={t('health.audit.filters.profile')} className={styles.filter}>
          <Select value={filter.profileId ?? ''} onChange={(_event, data) => setAuditFilter({ profileId: data.value || null })} data-testid="audit-filter-profile">
            <option value="">{t('health.audit.filters.allProfiles')}</option>
            {entries.map((entry) => (
              <option key={entry.profileId} value={entry.profileId}>
                {entry.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('health.audit.filters.kind')} className={styles.filter}>
          <Select value={filter.kind ?? ''} onChange={(_event, data) => setAuditFilter({ kind: isKind(data.value) ? data.value : null })} data-testid="audit-filter-kind">
            <option value="">{t('health.audit.filters.allKinds')}</option>
            {auditKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`health.audit.kinds.${kind}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('health.audit.filters.outcome')} className={styles.filter}>
          <Select
            value={filter.outcome ?? ''}
            onChange={(_event, data) => setAuditFilter({ outcome: data.value === 'ok' || data.value === 'failed' ? data.value : null })}
            data-testid="audit-filter-outcome"
          >
            <option value="">{t('health.audit.filters.allOutcomes')}</option>
            <option value="ok">{t('health.audit.outcomes.ok')}</option>
            <option value="failed">{t('health.audit.outcomes.failed')}</option>
          </Select>
        </Field>
        <Button icon={<DismissRegular />} disabled={!isFiltered(filter)} onClick={() => setAuditFilter({ profileId: null, kind: null, outcome: null })} data-testid="audit-filter-clear">
          {t('health.audit.filters.clear')}
        </Button>
      </fieldset>
      {audit.error && <ErrorNotice code={audit.error} />}
      <div className={styles.line}>
        <Text role="status" aria-live="polite" data-testid="audit-count" data-shown={events.length}>
          {audit.loading && !audit.loaded ? <Spinner size="tiny" label={t('health.audit.loading')} labelPosition="after" /> : t('health.audit.shown', { shown: events.length.toLocaleString(language) })}
        </Text>
        <AuditExportButtons disabled={events.length === 0} />
      </div>
      <VirtualTable
        rowCount={rows.length}
        rowAt={(index) => rows[index] as AuditRow}
        rowKey={(row) => row.key}
        columns={columns}
        rowHeight={ROW_HEIGHT}
        height="min(60vh, 560px)"
        label={t('health.audit.tableLabel')}
        emptyText={isFiltered(filter) ? t('health.audit.noMatches') : t('health.audit.empty')}
        testId="audit-table"
      />
    </section>
  );
}
