import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildCsv, exportFileName, saveFile, type CsvColumn } from './export-csv';

const useStyles = makeStyles({
  busy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: '260px' },
  bar: { width: '120px' },
});

/** Exports the rows the table shows now (after search and filters) to CSV, with progress and Stop for big lists. */
export function ExportButton<T>({ length, rowAt, columns, what, whose, testId }: { readonly length: number; readonly rowAt: (position: number) => T; readonly columns: readonly CsvColumn<T>[]; readonly what: string; readonly whose: string; readonly testId: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [done, setDone] = useState<{ count: number; file: string } | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = async (): Promise<void> => {
    const abort = new AbortController();
    controller.current = abort;
    setDone(null);
    setProgress({ done: 0, total: length });
    try {
      const blob = await buildCsv({ length, rowAt, columns, signal: abort.signal, onProgress: (count, total) => setProgress({ done: count, total }) });
      const file = exportFileName(what, whose, new Date());
      saveFile(blob, file);
      setDone({ count: length, file });
    } catch {
      // Stopped by the admin: nothing is saved.
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };

  if (progress) {
    return (
      <div className={styles.busy} role="status" aria-live="polite" data-testid={`${testId}-busy`}>
        <Text size={200}>{t('customers.export.busy', { done: progress.done.toLocaleString(i18n.language), total: progress.total.toLocaleString(i18n.language) })}</Text>
        <ProgressBar className={styles.bar} value={progress.total === 0 ? 1 : progress.done / progress.total} aria-label={t('customers.export.button')} />
        <Button size="small" icon={<DismissRegular />} onClick={() => controller.current?.abort()}>
          {t('customers.export.cancel')}
        </Button>
      </div>
    );
  }
  return (
    <>
      <Button icon={<ArrowDownloadRegular />} onClick={() => void run()} disabled={length === 0} data-testid={testId}>
        {t('customers.export.button')}
      </Button>
      {done && (
        <Text size={200} role="status" data-testid={`${testId}-done`}>
          {t('customers.export.done', { count: done.count.toLocaleString(i18n.language), file: done.file })}
        </Text>
      )}
    </>
  );
}
