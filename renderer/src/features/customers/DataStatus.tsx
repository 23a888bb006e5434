import { Badge, Button, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DataSet } from '../../store/data-set';
import { SamErrorNotice, reconsentFixes } from '../consent/SamErrorNotice';
import { useNow } from '../inspector/use-now';
import { whenText } from './when-text';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalS },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', minHeight: '32px' },
  progress: { display: 'grid', gap: tokens.spacingVerticalXS, flexGrow: 1, minWidth: '220px' },
});

/**
 * Where the shown rows come from and how fresh they are: the saved copy "as of" a time, a refresh streaming in
 * (with progress and Cancel), offline with the last known data, or what failed and what to do about it.
 */
export function DataStatus<T>({
  data,
  onRefresh,
  onCancel,
  onReconsent,
  testId,
}: {
  readonly data: DataSet<T>;
  readonly onRefresh: () => void;
  readonly onCancel: () => void;
  readonly onReconsent: () => void;
  readonly testId: string;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const now = new Date(useNow(data.asOf !== null));
  const { sync, notice } = data;
  const running = sync.kind === 'running';
  const when = data.asOf ? whenText(data.asOf, i18n.language, now) : '';
  return (
    <div className={styles.stack} data-testid={testId} data-source={data.source} data-offline={String(data.offline)} data-sync={sync.kind}>
      <div className={styles.line}>
        {running ? (
          <div className={styles.progress} role="status" aria-live="polite">
            <Text data-testid={`${testId}-progress`}>
              {sync.total !== null ? t('customers.status.syncingOf', { loaded: sync.loaded.toLocaleString(i18n.language), total: sync.total.toLocaleString(i18n.language) }) : t('customers.status.syncing', { loaded: sync.loaded.toLocaleString(i18n.language) })}
            </Text>
            <ProgressBar aria-label={t('customers.progressLabel')} {...(sync.total !== null ? { value: sync.loaded / sync.total } : {})} />
          </div>
        ) : (
          data.asOf && (
            <Text data-testid={`${testId}-as-of`}>
              {data.offline ? (
                <Badge appearance="filled" color="warning" data-testid={`${testId}-offline`}>
                  {t('app.offline')}
                </Badge>
              ) : null}{' '}
              {data.offline ? t('customers.status.offline', { when }) : data.source === 'live' ? t('customers.status.live', { when }) : t('customers.status.cached', { when })}
            </Text>
          )
        )}
        {running ? (
          <Button icon={<DismissRegular />} onClick={onCancel} data-testid={`${testId}-cancel`}>
            {t('customers.cancel')}
          </Button>
        ) : (
          <Button icon={<ArrowClockwiseRegular />} onClick={onRefresh} data-testid={`${testId}-refresh`}>
            {t('customers.refresh')}
          </Button>
        )}
      </div>
      {sync.kind === 'failed' && data.offline && !data.asOf && (
        <MessageBar intent="warning" data-testid={`${testId}-offline-empty`}>
          <MessageBarBody>{t('customers.status.offlineNoData')}</MessageBarBody>
        </MessageBar>
      )}
      {sync.kind === 'failed' && (
        <SamErrorNotice code={sync.error} detail={sync.detail} title={t('customers.status.failed')} intent={data.offline && data.asOf ? 'warning' : 'error'} {...(reconsentFixes.has(sync.error) ? { onReconsent } : {})} />
      )}
      {sync.kind === 'cancelled' && <Text data-testid={`${testId}-cancelled`}>{t('customers.status.cancelled')}</Text>}
      {notice && (
        <MessageBar intent="warning" data-testid={`${testId}-notice`} data-kind={notice.kind}>
          <MessageBarBody>
            {notice.kind === 'damaged' ? t('customers.status.damaged', { movedTo: notice.movedTo }) : notice.kind === 'unavailable' ? t('customers.status.cacheUnavailable') : t('customers.status.notCached')}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
