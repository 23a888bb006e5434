import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { CheckAll } from '../../store/check-all';
import { SamErrorNotice } from '../consent/SamErrorNotice';

/** What "Check all" is doing, in a live region: "Checking… 1 of 3 profiles", then how it ended. */
export function CheckAllStatus({ progress }: { readonly progress: CheckAll }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" data-testid="health-check-all-status" data-phase={progress.phase}>
      {progress.phase === 'running' && <Text>{t('health.checkingProgress', { done: progress.done.length, total: progress.total })}</Text>}
      {progress.phase === 'done' && <Text>{t('health.checkedAll', { count: progress.checked })}</Text>}
      {progress.phase === 'failed' && <SamErrorNotice title={t('health.checkFailed')} code={progress.error} detail={progress.detail} />}
      {progress.phase === 'unavailable' && <ErrorNotice code={progress.code} />}
    </div>
  );
}
