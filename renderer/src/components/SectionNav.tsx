import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { BuildingMultipleRegular, HeartPulseRegular, KeyMultipleRegular, ScanTextRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { isSection, useNavigationStore, type Section } from '../store/navigation-store';

const useStyles = makeStyles({
  nav: {
    padding: `0 ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export const sectionTabId = (section: Section): string => `section-tab-${section}`;
export const SECTION_PANEL_ID = 'section-panel';

/** The app's sections as tabs: arrow keys move between them, Enter or Space selects. */
export function SectionNav() {
  const styles = useStyles();
  const { t } = useTranslation();
  const section = useNavigationStore((state) => state.section);
  const setSection = useNavigationStore((state) => state.setSection);
  return (
    <nav className={styles.nav} aria-label={t('nav.label')}>
      <TabList
        selectedValue={section}
        onTabSelect={(_event, data) => {
          if (isSection(data.value)) setSection(data.value);
        }}
      >
        <Tab value="inspector" id={sectionTabId('inspector')} aria-controls={SECTION_PANEL_ID} icon={<ScanTextRegular />} data-testid="nav-inspector">
          {t('nav.inspector')}
        </Tab>
        <Tab value="health" id={sectionTabId('health')} aria-controls={SECTION_PANEL_ID} icon={<HeartPulseRegular />} data-testid="nav-health">
          {t('health.heading')}
        </Tab>
        <Tab value="profiles" id={sectionTabId('profiles')} aria-controls={SECTION_PANEL_ID} icon={<KeyMultipleRegular />} data-testid="nav-profiles">
          {t('nav.profiles')}
        </Tab>
        <Tab value="customers" id={sectionTabId('customers')} aria-controls={SECTION_PANEL_ID} icon={<BuildingMultipleRegular />} data-testid="nav-customers">
          {t('nav.customers')}
        </Tab>
      </TabList>
    </nav>
  );
}
