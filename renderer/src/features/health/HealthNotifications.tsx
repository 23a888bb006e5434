import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { HealthState } from '../../../../shared/health/health-state';
import { useHealthStore } from '../../store/health-store';
import { ReconsentShortcut } from './ReconsentShortcut';

const useStyles = makeStyles({
  stack: {
    position: 'fixed',
    insetInlineEnd: tokens.spacingHorizontalL,
    insetBlockEnd: tokens.spacingVerticalL,
    zIndex: 20,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    width: 'min(420px, calc(100vw - 32px))',
  },
  bar: { boxShadow: tokens.shadow16 },
});

const intentOf = (state: HealthState): 'error' | 'warning' | 'info' => (state === 'dead' ? 'error' : state === 'action-needed' || state === 'expiring' ? 'warning' : 'info');

/**
 * Health notifications main sends when a profile gets worse, shown in the window whichever section is open (browser
 * mode has no OS notifications; the desktop app raises those too). Each one opens the profile's health page.
 */
export function HealthNotifications() {
  const styles = useStyles();
  const { t } = useTranslation();
  const notifications = useHealthStore((state) => state.notifications);
  const dismiss = useHealthStore((state) => state.dismissNotification);
  const openProfile = useHealthStore((state) => state.openProfile);
  return (
    <section className={styles.stack} aria-label={t('health.notifications.regionLabel')} aria-live="polite" data-testid="health-notifications">
      {notifications.map((notification) => (
        <MessageBar key={notification.id} intent={intentOf(notification.state)} layout="multiline" className={styles.bar} data-testid="health-notification" data-profile-id={notification.profileId} data-state={notification.state}>
          <MessageBarBody>
            <MessageBarTitle>{notification.title}</MessageBarTitle>
            {notification.body}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t('health.notifications.dismiss')} onClick={() => dismiss(notification.id)} />}>
            <Button
              onClick={() => {
                dismiss(notification.id);
                openProfile(notification.profileId);
              }}
              data-testid="health-notification-open"
            >
              {t('health.notifications.open')}
            </Button>
            <ReconsentShortcut profileId={notification.profileId} testId="health-notification-reconsent" onStarted={() => dismiss(notification.id)} />
          </MessageBarActions>
        </MessageBar>
      ))}
    </section>
  );
}
