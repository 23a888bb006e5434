import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/partner-center/rows';
import { selectOnline, useAppStore } from '../../store/app-store';
import { useConsentStore } from '../../store/consent-store';
import { rememberedProfileId, useCustomersStore } from '../../store/customers-store';
import { useNavigationStore } from '../../store/navigation-store';
import { useProfilesStore } from '../../store/profiles-store';
import { CustomersTable } from './CustomersTable';
import { CustomerUsers } from './CustomerUsers';
import { DataStatus } from './DataStatus';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  picker: { maxWidth: '420px' },
});

/**
 * The Customers section: pick a profile, see its customers (the saved copy at once, then fresh from Partner Center
 * when the computer is online), open a customer to see its users.
 */
export function CustomersView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const online = useAppStore(selectOnline);
  const profiles = useProfilesStore((state) => state.profiles);
  const profilesLoaded = useProfilesStore((state) => state.loaded);
  const loadProfiles = useProfilesStore((state) => state.load);
  const selectProfile = useProfilesStore((state) => state.select);
  const startConsent = useConsentStore((state) => state.start);
  const setSection = useNavigationStore((state) => state.setSection);
  const profileId = useCustomersStore((state) => state.profileId);
  const customers = useCustomersStore((state) => state.customers);
  const customer = useCustomersStore((state) => state.customer);
  const openProfile = useCustomersStore((state) => state.openProfile);
  const openCustomer = useCustomersStore((state) => state.openCustomer);
  const refreshCustomers = useCustomersStore((state) => state.refreshCustomers);
  const cancelCustomers = useCustomersStore((state) => state.cancelCustomers);

  useEffect(() => {
    if (!profilesLoaded) void loadProfiles();
  }, [profilesLoaded, loadProfiles]);

  // The profile shown: the one chosen here, else the one looked at last time, else the first.
  const remembered = rememberedProfileId();
  const shownId = profiles.find((profile) => profile.id === profileId)?.id ?? profiles.find((profile) => profile.id === remembered)?.id ?? profiles[0]?.id ?? null;
  const shown = profiles.find((profile) => profile.id === shownId) ?? null;
  // Fresh data is fetched once per visit while online; the saved copy is shown either way.
  const needsRefresh = online !== false && customers.source !== 'live';
  useEffect(() => {
    if (shownId) void openProfile(shownId, { refresh: needsRefresh });
    // Only a change of profile (or of connectivity) starts another read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownId, online]);

  const open = useCallback((row: CustomerRow) => void openCustomer(row, { refresh: online !== false }), [openCustomer, online]);
  const reconsent = useCallback(() => {
    if (!shownId) return;
    selectProfile(shownId);
    setSection('profiles');
    void startConsent(shownId);
  }, [shownId, selectProfile, setSection, startConsent]);

  return (
    <div className={styles.stack}>
      <div>
        <Text as="h2" block size={600} weight="semibold" className={styles.heading}>
          {t('customers.heading')}
        </Text>
        <Text as="p" block>
          {t('customers.intro')}
        </Text>
      </div>
      {!profilesLoaded ? (
        <Spinner label={t('profilesView.loading')} />
      ) : profiles.length === 0 || !shown ? (
        <MessageBar intent="info" data-testid="customers-no-profiles">
          <MessageBarBody>{t('customers.noProfiles')}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setSection('profiles')}>{t('customers.openProfiles')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <>
          <Field label={t('customers.profileLabel')} className={styles.picker}>
            <Select value={shown.id} onChange={(_event, value) => void openProfile(value.value, { refresh: online !== false })} data-testid="customers-profile">
              {profiles.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.displayName}
                </option>
              ))}
            </Select>
          </Field>
          {customer ? (
            <CustomerUsers customer={customer} onReconsent={reconsent} />
          ) : (
            <>
              <DataStatus data={customers} onRefresh={() => void refreshCustomers()} onCancel={() => void cancelCustomers()} onReconsent={reconsent} testId="customers-status" />
              <CustomersTable data={customers} profileName={shown.displayName} onOpen={open} />
            </>
          )}
        </>
      )}
    </div>
  );
}
