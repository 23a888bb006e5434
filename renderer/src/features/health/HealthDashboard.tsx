import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useHealthStore } from '../../store/health-store';
import { useNavigationStore } from '../../store/navigation-store';
import { CheckAllStatus } from './CheckAllStatus';
import { healthRows } from './health-row';
import { HealthTable } from './HealthTable';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', minHeight: '32px' },
});

/** Every profile's token health, the one to look after next first, with "Check all". */
export function HealthDashboard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const entries = useHealthStore((state) => state.entries);
  const progress = useHealthStore((state) => state.checkAll);
  const check = useHealthStore((state) => state.check);
  const setSection = useNavigationStore((state) => state.setSection);
  const rows = useMemo(() => healthRows(entries), [entries]);
  const running = progress.phase === 'running';

  if (entries.length === 0) {
    return (
      <MessageBar intent="info" data-testid="health-empty">
        <MessageBarBody>{t('health.empty')}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => setSection('profiles')}>{t('health.openProfiles')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <div className={styles.stack}>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={running ? <Spinner size="extra-tiny" /> : <ArrowClockwiseRegular />} disabled={running} onClick={() => void check()} data-testid="health-check-all">
          {running ? t('health.checking') : t('health.checkAll')}
        </Button>
        <CheckAllStatus progress={progress} />
      </div>
      <HealthTable rows={rows} />
    </div>
  );
}
