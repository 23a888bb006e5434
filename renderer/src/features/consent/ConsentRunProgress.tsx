import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { isConsentActive, useConsentStore } from '../../store/consent-store';
import type { ListedProfile } from '../../store/profiles-store';
import { ConsentSteps, plannedSteps } from './ConsentSteps';
import { SignInLink } from './SignInLink';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * A running consent as every screen that starts one shows it: the steps, the sign-in link while main waits for the
 * browser (to copy into another browser profile), and Cancel. The consent panel and the health page share it.
 */
export function ConsentRunProgress({ profile }: { readonly profile: ListedProfile }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const run = useConsentStore((state) => state.runs[profile.id]);
  const cancel = useConsentStore((state) => state.cancel);
  const current = run?.phase === 'running' ? run.seen.at(-1) : undefined;
  const signInUrl = run?.phase === 'running' && current === 'waiting-for-sign-in' ? run.signInUrl : null;
  return (
    <>
      <div aria-live="polite" className={styles.stack}>
        {run?.phase === 'starting' && <Spinner size="tiny" label={t('consent.starting')} labelPosition="after" />}
        {run?.phase === 'running' && <ConsentSteps steps={plannedSteps(run.seen, profile)} />}
      </div>
      {signInUrl && <SignInLink url={signInUrl} />}
      {isConsentActive(run) && (
        <div className={styles.actions}>
          <Button icon={<DismissRegular />} onClick={() => void cancel(profile.id)} data-testid="cancel-consent">
            {t('consent.cancel')}
          </Button>
        </div>
      )}
    </>
  );
}
