import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useHealthStore } from '../../store/health-store';
import { useNow } from '../inspector/use-now';
import { HealthActionButton } from './HealthActionButton';
import { offersReconsent, ReconsentShortcut } from './ReconsentShortcut';
import { answerText, asOfText, daysLeftText, lastCheckText, reasonSentence, type HealthRow } from './health-row';
import { StateBadge } from './StateBadge';
import { useTranslate } from './use-translate';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  row: { cursor: 'pointer' },
  profile: { display: 'grid', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} 0` },
  name: { justifyContent: 'flex-start', padding: 0, minWidth: 0, textAlign: 'start', fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground2 },
  number: { fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

export const nameId = (profileId: string): string => `health-name-${profileId}`;

/**
 * Every profile's health, most urgent first: a table, so a screen reader announces each value with its column.
 * The profile's name opens its page (so does a click anywhere on the row); the last column holds its next action.
 */
export function HealthTable({ rows }: { readonly rows: readonly HealthRow[] }) {
  const styles = useStyles();
  const { t, language } = useTranslate();
  // Relative times ("2 minutes ago") stay true while the dashboard is open.
  const now = useNow(true);
  const openProfile = useHealthStore((state) => state.openProfile);
  const returnTo = useHealthStore((state) => state.returnTo);
  const container = useRef<HTMLDivElement>(null);

  // Back from a profile's page: focus returns to that profile's name, where the admin left the list.
  useEffect(() => {
    if (!returnTo) return;
    container.current?.querySelector<HTMLElement>(`#${CSS.escape(nameId(returnTo))}`)?.focus();
    // Once: coming back to the section later must not pull focus away from the section's tab.
    useHealthStore.setState({ returnTo: null });
  }, [returnTo]);

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, profileId: string): void => {
    // The row's own buttons do their own thing.
    if (event.target instanceof Element && event.target.closest('button, a')) return;
    openProfile(profileId);
  };

  return (
    <div className={styles.scroll} ref={container}>
      <Table aria-label={t('health.tableLabel')} className={styles.table} data-testid="health-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '34%' }}>{t('health.columns.profile')}</TableHeaderCell>
            <TableHeaderCell>{t('health.columns.state')}</TableHeaderCell>
            <TableHeaderCell>{t('health.columns.daysLeft')}</TableHeaderCell>
            <TableHeaderCell>{t('health.columns.mfa')}</TableHeaderCell>
            <TableHeaderCell>{t('health.columns.keyVaultInSync')}</TableHeaderCell>
            <TableHeaderCell>{t('health.columns.asOf')}</TableHeaderCell>
            <TableHeaderCell>{t('health.columns.nextAction')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.profileId} className={styles.row} onClick={(event) => onRowClick(event, row.profileId)} data-testid="health-row" data-state={row.state} data-profile-id={row.profileId} data-action={row.action}>
              <TableCell>
                <div className={styles.profile}>
                  <Button appearance="transparent" className={styles.name} id={nameId(row.profileId)} onClick={() => openProfile(row.profileId)} data-testid="health-open">
                    {row.name}
                  </Button>
                  {row.reason && (
                    <Text size={200} className={styles.reason} data-testid="health-reason">
                      {reasonSentence(row.reason, t, language)}
                    </Text>
                  )}
                </div>
              </TableCell>
              <TableCell>
                <StateBadge state={row.state} />
              </TableCell>
              <TableCell className={styles.number} data-testid="health-days-left">
                {daysLeftText(row.daysLeft, t, language)}
              </TableCell>
              <TableCell data-testid="health-mfa">{answerText(row.mfa, t)}</TableCell>
              <TableCell data-testid="health-key-vault-in-sync">{answerText(row.keyVaultInSync, t)}</TableCell>
              {/* One time per row: how old what the row shows is (its newest fact), the date in full on hover. */}
              <TableCell data-testid="health-as-of" title={row.asOf ? asOfText(row.asOf, t, language, now) : undefined}>
                {lastCheckText(row.asOf, t, language, now)}
              </TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <HealthActionButton profileId={row.profileId} action={row.action} describedBy={nameId(row.profileId)} />
                  {offersReconsent(row.state, row.action) && <ReconsentShortcut profileId={row.profileId} describedBy={nameId(row.profileId)} testId="health-row-reconsent" />}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
