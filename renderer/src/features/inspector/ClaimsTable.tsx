import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { explainClaim } from '../../../../shared/inspector/claim-catalogue';
import { revealHidden } from '../../../../shared/text/hidden-characters';
import { CopyButton } from '../../components/CopyButton';
import { formatClaimValue, rawClaimValue } from './format-claim-value';
import { useNow } from './use-now';

const useStyles = makeStyles({
  name: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  value: { wordBreak: 'break-all' },
  cell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export function ClaimsTable({ claims }: { readonly claims: Readonly<Record<string, unknown>> }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  // Relative times in the table ("in 42 minutes") stay current; a minute's resolution is plenty here.
  const now = useNow(true);
  return (
    <section aria-labelledby="claims-heading">
      <Text as="h3" block id="claims-heading" weight="semibold" size={400}>
        {t('inspect.claimsHeading')}
      </Text>
      <Table aria-labelledby="claims-heading" data-testid="claims" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('inspect.column.claim')}</TableHeaderCell>
            <TableHeaderCell>{t('inspect.column.value')}</TableHeaderCell>
            <TableHeaderCell>{t('inspect.column.meaning')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {Object.entries(claims).map(([name, value]) => (
            <TableRow key={name} data-claim={name}>
              <TableCell className={styles.name}>{revealHidden(name)}</TableCell>
              <TableCell className={styles.value}>
                <span className={styles.cell}>
                  <span>{formatClaimValue(name, value, language, now)}</span>
                  <CopyButton value={rawClaimValue(value)} name={name} />
                </span>
              </TableCell>
              <TableCell>{t(explainClaim(name))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
