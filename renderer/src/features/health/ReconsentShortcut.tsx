import { Button } from '@fluentui/react-components';
import { PersonKeyRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { HealthAction, HealthState } from '../../../../shared/health/health-state';
import { isConsentActive, useConsentStore } from '../../store/consent-store';
import { useHealthStore } from '../../store/health-store';

/** Where a reconsent is worth offering beside the next action: a token that is dying or needs fixing. */
export function offersReconsent(state: HealthState, action: HealthAction): boolean {
  return (state === 'expiring' || state === 'action-needed' || state === 'dead') && action !== 'reconsent';
}

/** Starts a profile's reconsent and opens its page; a consent already running is followed there instead of restarted. */
export function useReconsent(profileId: string): () => void {
  const consenting = useConsentStore((state) => isConsentActive(state.runs[profileId]));
  const reconsent = useHealthStore((state) => state.reconsent);
  const openProfile = useHealthStore((state) => state.openProfile);
  return () => (consenting ? openProfile(profileId) : reconsent(profileId));
}

/**
 * One-click reconsent for a profile whose next action is something else (Refresh now for an expiring token): the
 * admin may want a fresh grant anyway — say, the admin who consented is leaving. Starts the consent and opens the
 * profile's page, where the sign-in link and the progress show.
 */
export function ReconsentShortcut({
  profileId,
  describedBy,
  testId,
  onStarted,
}: {
  readonly profileId: string;
  readonly describedBy?: string;
  readonly testId: string;
  /** Called as the click starts the reconsent (a notification dismisses itself). */
  readonly onStarted?: () => void;
}) {
  const { t } = useTranslation();
  const reconsent = useReconsent(profileId);
  return (
    <Button
      appearance="subtle"
      size="small"
      icon={<PersonKeyRegular />}
      onClick={() => {
        onStarted?.();
        reconsent();
      }}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      {t('health.actions.reconsent')}
    </Button>
  );
}
