import { Checkbox, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ConsentRunProgress } from '../consent/ConsentRunProgress';
import { isConsentActive, useConsentStore } from '../../store/consent-store';
import type { ListedProfile } from '../../store/profiles-store';
import { ConsentSuccess } from '../consent/ConsentSuccess';
import { SamErrorNotice } from '../consent/SamErrorNotice';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * A reconsent as the health page follows it, built from the consent panel's pieces: where the sign-in opens, the
 * steps, the sign-in link to copy into the admin's browser, Cancel, and how it ended. The outcome shows only for a
 * consent followed on this page, so an old "Consent complete" never stands beside a token that has died since.
 * `children` (the page's actions) sit between the choice of browser and the progress, in reading order.
 */
export function HealthReconsent({ profile, children }: { readonly profile: ListedProfile; readonly children: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const run = useConsentStore((state) => state.runs[profile.id]);
  const openBrowser = useConsentStore((state) => state.openBrowser);
  const setOpenBrowser = useConsentStore((state) => state.setOpenBrowser);
  const start = useConsentStore((state) => state.start);
  const active = isConsentActive(run);
  const [followed, setFollowed] = useState(active);
  // Seen running while this page is open: from now on its outcome belongs here.
  if (active && !followed) setFollowed(true);

  return (
    <div className={styles.stack} data-testid="health-reconsent">
      <Field hint={t('consent.openBrowserHint')}>
        <Checkbox checked={openBrowser} disabled={active} onChange={(_event, data) => setOpenBrowser(data.checked === true)} label={t('consent.openBrowser')} data-testid="open-browser" />
      </Field>
      {children}
      <ConsentRunProgress profile={profile} />
      <div aria-live="polite">
        {followed && run?.phase === 'succeeded' && (
          <div data-testid="consent-result" data-state="succeeded">
            <ConsentSuccess summary={run.summary} saved={run.saved} profileId={profile.id} />
          </div>
        )}
        {followed && run?.phase === 'failed' && (
          <div data-testid="consent-result" data-state="failed">
            <SamErrorNotice title={t('consent.failed')} code={run.error} detail={run.detail} onReconsent={() => void start(profile.id)} />
          </div>
        )}
        {followed && run?.phase === 'unavailable' && <ErrorNotice code={run.code} />}
      </div>
    </div>
  );
}
