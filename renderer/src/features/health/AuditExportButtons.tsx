import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHealthStore } from '../../store/health-store';
import { saveFile } from '../customers/export-csv';
import { auditFileName, exportedEvents } from './audit-text';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type Outcome = { readonly kind: 'done'; readonly events: number; readonly file: string } | { readonly kind: 'failed'; readonly file: string } | null;

const types = { jsonl: 'application/x-ndjson;charset=utf-8', csv: 'text/csv;charset=utf-8' } as const;

/** Exports the events the filters select (all of them, not only the page shown) as JSON Lines or CSV. */
export function AuditExportButtons({ disabled }: { readonly disabled: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const exportAudit = useHealthStore((state) => state.exportAudit);
  const [busy, setBusy] = useState<'jsonl' | 'csv' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (format: 'jsonl' | 'csv'): Promise<void> => {
    const file = auditFileName(format, new Date());
    setBusy(format);
    setOutcome(null);
    try {
      const text = await exportAudit(format);
      saveFile(new Blob([text], { type: types[format] }), file);
      setOutcome({ kind: 'done', events: exportedEvents(text, format), file });
    } catch {
      setOutcome({ kind: 'failed', file });
    } finally {
      setBusy(null);
    }
  };

  const button = (format: 'jsonl' | 'csv', label: string) => (
    <Button icon={busy === format ? <Spinner size="extra-tiny" /> : <ArrowDownloadRegular />} disabled={disabled || busy !== null} onClick={() => void run(format)} data-testid={`audit-export-${format}`}>
      {busy === format ? t('health.audit.exporting') : label}
    </Button>
  );

  return (
    <div className={styles.row}>
      {button('jsonl', t('health.audit.exportJsonLines'))}
      {button('csv', t('health.audit.exportCsv'))}
      <Text size={200} role="status" data-testid="audit-export-result">
        {outcome?.kind === 'done' && t('health.audit.exported', { events: outcome.events, file: outcome.file })}
        {outcome?.kind === 'failed' && t('health.audit.exportFailed', { file: outcome.file })}
      </Text>
    </div>
  );
}
