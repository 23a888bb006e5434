import { Button, Checkbox, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { PersonKeyRegular } from '@fluentui/react-icons';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ConsentRunProgress } from './ConsentRunProgress';
import { useRescueFocus } from '../../components/use-rescue-focus';
import { isConsentActive, useConsentStore } from '../../store/consent-store';
import type { ListedProfile } from '../../store/profiles-store';
import { ConsentSuccess } from './ConsentSuccess';
import { SamErrorNotice } from './SamErrorNotice';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * Consent (or reconsent) for one profile: starts it in main, follows its consent.progress steps, shows the sign-in
 * link while main waits for the browser, and ends in the token summary with the stores, or the error and its fix.
 */
export function ConsentPanel({ profile }: { readonly profile: ListedProfile }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const run = useConsentStore((state) => state.runs[profile.id]);
  const openBrowser = useConsentStore((state) => state.openBrowser);
  const setOpenBrowser = useConsentStore((state) => state.setOpenBrowser);
  const start = useConsentStore((state) => state.start);
  const active = isConsentActive(run);
  const hasToken = profile.hasRefreshToken || run?.phase === 'succeeded';
  const begin = (): void => void start(profile.id);
  // The button that was clicked goes away as the consent starts and ends: focus follows to the one that replaces it.
  const panel = useRef<HTMLElement>(null);
  const focusTarget = useCallback(
    () => panel.current?.querySelector<HTMLElement>('[data-testid="cancel-consent"], [data-testid="start-consent"], [data-testid="retry-reconsent"]'),
    [],
  );
  useRescueFocus(run?.phase, focusTarget);

  return (
    <section ref={panel} className={styles.stack} aria-labelledby="consent-heading" data-testid="consent-panel">
      <Text as="h4" block id="consent-heading" size={400} weight="semibold" className={styles.heading}>
        {t('consent.heading')}
      </Text>
      <Text as="p" block style={{ margin: 0 }}>
        {t('consent.intro')}
      </Text>
      <Field hint={t('consent.openBrowserHint')}>
        <Checkbox checked={openBrowser} disabled={active} onChange={(_event, data) => setOpenBrowser(data.checked === true)} label={t('consent.openBrowser')} data-testid="open-browser" />
      </Field>
      {!active && run?.phase !== 'failed' && (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<PersonKeyRegular />} onClick={begin} data-testid="start-consent">
            {hasToken ? t('consent.reconsent') : t('consent.consent')}
          </Button>
        </div>
      )}
      <ConsentRunProgress profile={profile} />
      <div aria-live="polite">
        {run?.phase === 'succeeded' && (
          <div data-testid="consent-result" data-state="succeeded">
            <ConsentSuccess summary={run.summary} saved={run.saved} profileId={profile.id} />
          </div>
        )}
        {run?.phase === 'failed' && (
          <div data-testid="consent-result" data-state="failed">
            <SamErrorNotice title={t('consent.failed')} code={run.error} detail={run.detail} onReconsent={begin} />
          </div>
        )}
        {run?.phase === 'unavailable' && <ErrorNotice code={run.code} />}
      </div>
    </section>
  );
}
