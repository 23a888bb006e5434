import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { selectInfo, selectOnline, useAppStore } from '../store/app-store';
import { LanguagePicker } from './LanguagePicker';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    flexWrap: 'wrap',
  },
  title: { display: 'flex', flexDirection: 'column', marginRight: 'auto' },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function AppHeader() {
  const styles = useStyles();
  const { t } = useTranslation();
  const info = useAppStore(selectInfo);
  const online = useAppStore(selectOnline);
  return (
    <header className={styles.header}>
      <div className={styles.title}>
        <Text as="h1" block weight="semibold" size={500} style={{ margin: 0 }}>
          {t('app.title')}
        </Text>
        <Text size={200}>{t('app.tagline')}</Text>
      </div>
      <div className={styles.status} role="status" aria-live="polite">
        {online !== null && (
          <Badge appearance="tint" color={online ? 'success' : 'warning'} data-testid="connectivity" title={online ? undefined : t('app.offlineHint')}>
            {online ? t('app.online') : t('app.offline')}
          </Badge>
        )}
        {info && (
          <>
            <Badge appearance="outline" data-testid="mode">
              {t(`app.mode.${info.mode}`)}
            </Badge>
            {info.cloud === 'local' && (
              <Badge appearance="tint" color="brand" data-testid="cloud" title={t('app.localCloudHint')}>
                {t('app.localCloud')}
              </Badge>
            )}
            <Text size={200}>{t('app.version', { version: info.version })}</Text>
          </>
        )}
      </div>
      <LanguagePicker />
    </header>
  );
}
