import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { formatDateTime, formatRelativeSeconds } from '../../../../shared/i18n/relative-time';
import type { HealthEntry } from '../../store/health-entries';
import { factRows } from './health-fact-rows';
import { useTranslate } from './use-translate';

const useStyles = makeStyles({
  heading: { margin: 0 },
  value: { overflowWrap: 'anywhere' },
  learned: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
});

/** What SAM Desk knows about the token, each fact with when it was learned: old facts may no longer hold. */
export function HealthFactsTable({ entry, now }: { readonly entry: HealthEntry; readonly now: number }) {
  const styles = useStyles();
  const { t, language } = useTranslate();
  const rows = factRows(entry, t, language);
  return (
    <section aria-labelledby="health-facts-heading">
      <Text as="h4" block size={400} weight="semibold" id="health-facts-heading" className={styles.heading}>
        {t('health.details.factsHeading')}
      </Text>
      <Text as="p" block size={200}>
        {rows.length === 0 ? t('health.details.nothingKnown') : t('health.details.factsIntro')}
      </Text>
      {rows.length > 0 && (
        <Table size="small" aria-labelledby="health-facts-heading" data-testid="health-facts">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('health.details.factColumns.fact')}</TableHeaderCell>
              <TableHeaderCell>{t('health.details.factColumns.value')}</TableHeaderCell>
              <TableHeaderCell>{t('health.details.factColumns.learned')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} data-fact={row.key}>
                <TableCell>{row.label}</TableCell>
                <TableCell className={styles.value} data-testid="health-fact-value">
                  {row.value}
                </TableCell>
                <TableCell className={styles.learned} title={formatDateTime(row.learnedAt, language)}>
                  {formatRelativeSeconds(Math.round((Date.parse(row.learnedAt) - now) / 1000), language)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
