import { makeStyles, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useHealthStore, type HealthView as View } from '../../store/health-store';
import { useProfilesStore } from '../../store/profiles-store';
import { AuditLogView } from './AuditLogView';
import { HealthDashboard } from './HealthDashboard';
import { HealthProfilePage } from './HealthProfilePage';
import { HealthSettingsForm } from './HealthSettingsForm';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

const views: readonly View[] = ['dashboard', 'audit', 'settings'];
const isView = (value: unknown): value is View => typeof value === 'string' && (views as readonly string[]).includes(value);
const tabId = (view: View): string => `health-view-${view}`;
const PANEL_ID = 'health-view-panel';

/**
 * The Token health section: the dashboard (or one profile's page), the audit log, and the settings of the scheduled
 * check. What it shows comes from main's last-known facts, so it opens offline too, each row saying how old it is.
 */
export function HealthView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const load = useHealthStore((state) => state.load);
  const loaded = useHealthStore((state) => state.loaded);
  const error = useHealthStore((state) => state.error);
  const settings = useHealthStore((state) => state.settings);
  const view = useHealthStore((state) => state.view);
  const setView = useHealthStore((state) => state.setView);
  const open = useHealthStore((state) => state.entries.find((entry) => entry.profileId === state.openId) ?? null);
  const openId = useHealthStore((state) => state.openId);
  const closeProfile = useHealthStore((state) => state.closeProfile);
  const profilesLoaded = useProfilesStore((state) => state.loaded);
  const loadProfiles = useProfilesStore((state) => state.load);

  // Every visit reads the list again; the profiles too, for the consent panel of a profile's page.
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!profilesLoaded) void loadProfiles();
  }, [profilesLoaded, loadProfiles]);
  // A profile deleted while its page was open: back to the list.
  useEffect(() => {
    if (loaded && openId !== null && open === null) closeProfile();
  }, [loaded, openId, open, closeProfile]);

  return (
    <div className={styles.stack} data-testid="health-view">
      <div>
        <Text as="h2" block size={600} weight="semibold" className={styles.heading}>
          {t('health.heading')}
        </Text>
        <Text as="p" block>
          {t('health.intro')}
        </Text>
      </div>
      <TabList
        aria-label={t('health.viewsLabel')}
        selectedValue={view}
        onTabSelect={(_event, data) => {
          if (isView(data.value)) setView(data.value);
        }}
      >
        {views.map((candidate) => (
          <Tab key={candidate} value={candidate} id={tabId(candidate)} aria-controls={PANEL_ID} data-testid={`health-tab-${candidate}`}>
            {t(`health.views.${candidate}`)}
          </Tab>
        ))}
      </TabList>
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)}>
        {error && <ErrorNotice code={error} />}
        {!loaded ? (
          <Spinner size="small" label={t('health.loading')} />
        ) : view === 'audit' ? (
          <AuditLogView />
        ) : view === 'settings' ? (
          settings && <HealthSettingsForm settings={settings} />
        ) : open ? (
          <HealthProfilePage key={open.profileId} entry={open} />
        ) : (
          <HealthDashboard />
        )}
      </div>
    </div>
  );
}
