import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/AppHeader';
import { InspectorView } from './features/inspector/InspectorView';
import { useAppStore } from './store/app-store';

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10 },
  },
  main: { maxWidth: '1100px', margin: '0 auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

export function App() {
  const styles = useStyles();
  const { t } = useTranslation();
  const load = useAppStore((state) => state.load);
  const watchConnectivity = useAppStore((state) => state.watchConnectivity);

  useEffect(() => {
    void load();
    return watchConnectivity();
  }, [load, watchConnectivity]);

  return (
    <>
      <a className={styles.skip} href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" className={styles.main} tabIndex={-1}>
        <InspectorView />
      </main>
    </>
  );
}
