import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { formatDateTime } from '../../../../shared/i18n/relative-time';
import type { HealthEntry } from '../../store/health-entries';
import { asOfText } from './health-row';
import { useTranslate } from './use-translate';

const useStyles = makeStyles({
  heading: { margin: 0 },
  scroll: { overflowX: 'auto' },
  // Addresses and instants have no natural break: they wrap anywhere rather than run into the next column.
  cell: { overflowWrap: 'anywhere' },
  version: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
});

/**
 * The history of the profile's Key Vault secret: how many versions it has and how many are enabled (each enabled one
 * holds a refresh token that works), and who wrote each of the newest and when (never a value).
 */
export function KeyVaultVersions({ entry, now }: { readonly entry: HealthEntry; readonly now: number }) {
  const styles = useStyles();
  const { t, language } = useTranslate();
  const learned = entry.facts.keyVaultVersions;
  const counts = entry.facts.keyVaultVersionCounts?.value;
  const versions = learned?.value ?? [];
  const none = t('health.values.none');
  const date = (iso: string | undefined | null): string => (iso && !Number.isNaN(Date.parse(iso)) ? formatDateTime(iso, language) : (iso ?? none));
  return (
    <section aria-labelledby="health-versions-heading">
      <Text as="h4" block size={400} weight="semibold" id="health-versions-heading" className={styles.heading}>
        {t('health.timeline.versionsHeading')}
      </Text>
      {versions.length === 0 ? (
        <Text as="p" block size={200}>
          {t('health.timeline.noVersions')}
        </Text>
      ) : (
        <div className={styles.scroll}>
          {/* Read at the last check: a write since (a rotation, a reconsent) shows after the next one. */}
          {learned && (
            <Text as="p" block size={200} data-testid="health-versions-as-of">
              {asOfText(learned.at, t, language, now)}
            </Text>
          )}
          {counts && (
            <Text as="p" block size={200} data-testid="health-version-counts" data-total={counts.total} data-enabled={counts.enabled}>
              {t('health.timeline.versionCounts', { total: counts.total, enabled: counts.enabled })}
            </Text>
          )}
          <Table size="small" aria-labelledby="health-versions-heading" data-testid="health-versions">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('health.timeline.versionColumns.created')}</TableHeaderCell>
                <TableHeaderCell>{t('health.timeline.versionColumns.state')}</TableHeaderCell>
                <TableHeaderCell>{t('health.timeline.versionColumns.user')}</TableHeaderCell>
                <TableHeaderCell>{t('health.timeline.versionColumns.obtainedAt')}</TableHeaderCell>
                <TableHeaderCell>{t('health.timeline.versionColumns.writtenBy')}</TableHeaderCell>
                <TableHeaderCell>{t('health.timeline.versionColumns.version')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((version) => (
                <TableRow key={version.version} data-testid="health-version" data-enabled={String(version.enabled)}>
                  <TableCell className={styles.cell}>{date(version.createdAt)}</TableCell>
                  <TableCell className={styles.cell}>{version.enabled ? t('health.timeline.enabled') : t('health.timeline.disabled')}</TableCell>
                  <TableCell className={styles.cell}>{version.tags.user ?? none}</TableCell>
                  <TableCell className={styles.cell}>{date(version.tags.obtainedAt)}</TableCell>
                  <TableCell className={styles.cell}>{version.tags.writtenBy ?? none}</TableCell>
                  <TableCell className={styles.version} title={version.version}>
                    {version.version.slice(0, 8)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
