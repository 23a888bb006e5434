import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/AppHeader';
import { SECTION_PANEL_ID, SectionNav, sectionTabId } from './components/SectionNav';
import { CustomersView } from './features/customers/CustomersView';
import { HealthNotifications } from './features/health/HealthNotifications';
import { HealthView } from './features/health/HealthView';
import { InspectorView } from './features/inspector/InspectorView';
import { ProfilesView } from './features/profiles/ProfilesView';
import { useAppStore } from './store/app-store';
import { useConsentStore } from './store/consent-store';
import { useCustomersStore } from './store/customers-store';
import { useHealthStore } from './store/health-store';
import { useNavigationStore, type Section } from './store/navigation-store';
import { useProfilesStore } from './store/profiles-store';

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10 },
  },
  main: { maxWidth: '1280px', margin: '0 auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

function SectionView({ section }: { readonly section: Section }) {
  switch (section) {
    case 'inspector':
      return <InspectorView />;
    case 'health':
      return <HealthView />;
    case 'profiles':
      return <ProfilesView />;
    case 'customers':
      return <CustomersView />;
  }
}

export function App() {
  const styles = useStyles();
  const { t } = useTranslation();
  const load = useAppStore((state) => state.load);
  const watchConnectivity = useAppStore((state) => state.watchConnectivity);
  const watchConsent = useConsentStore((state) => state.watch);
  const section = useNavigationStore((state) => state.section);

  useEffect(() => {
    void load();
    return watchConnectivity();
  }, [load, watchConnectivity]);
  // Consent progress is followed from the start, so a consent keeps being tracked while another section is shown.
  useEffect(() => watchConsent(), [watchConsent]);
  const watchFocus = useProfilesStore((state) => state.watchFocus);
  useEffect(() => watchFocus(), [watchFocus]);
  // Partner Center syncs stream in while another section is shown, too.
  const watchCustomers = useCustomersStore((state) => state.watch);
  useEffect(() => watchCustomers(), [watchCustomers]);
  // Health changes and notifications arrive whichever section is shown; a notification must show everywhere.
  const watchHealth = useHealthStore((state) => state.watch);
  useEffect(() => watchHealth(), [watchHealth]);

  return (
    <>
      <a className={styles.skip} href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <SectionNav />
      <main id="main" className={styles.main} tabIndex={-1}>
        <div id={SECTION_PANEL_ID} role="tabpanel" aria-labelledby={sectionTabId(section)}>
          <SectionView section={section} />
        </div>
      </main>
      <HealthNotifications />
    </>
  );
}
