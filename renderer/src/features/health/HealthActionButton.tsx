import { Button, Spinner, Text } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowSyncRegular, ArrowUndoRegular, CheckmarkCircleRegular, CloudArrowUpRegular, OpenRegular, PersonKeyRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthAction } from '../../../../shared/health/health-state';
import { useHealthStore } from '../../store/health-store';
import { commandFor, type ActionCommand } from './next-action';
import { useReconsent } from './ReconsentShortcut';

const icons: Readonly<Record<ActionCommand, ReactElement>> = {
  reconsent: <PersonKeyRegular />,
  refresh: <ArrowSyncRegular />,
  check: <ArrowClockwiseRegular />,
  open: <OpenRegular />,
  recover: <ArrowUndoRegular />,
  enable: <CheckmarkCircleRegular />,
  write: <CloudArrowUpRegular />,
};

/**
 * The one button a dashboard row offers: its next action. `describedBy` points at the profile's name, so a screen
 * reader hears whose token a "Reconsent" is for while the visible label stays short.
 */
export function HealthActionButton({ profileId, action, describedBy }: { readonly profileId: string; readonly action: HealthAction; readonly describedBy: string }) {
  const { t } = useTranslation();
  const busy = useHealthStore((state) => state.busy[profileId]);
  const check = useHealthStore((state) => state.check);
  const refresh = useHealthStore((state) => state.refresh);
  const reconsent = useReconsent(profileId);
  const openProfile = useHealthStore((state) => state.openProfile);
  const repairKeyVault = useHealthStore((state) => state.repairKeyVault);
  const command = commandFor(action);
  if (command === null) {
    return (
      <Text size={200} data-testid="health-action-none">
        {t('health.actions.none')}
      </Text>
    );
  }
  const run = (): void => {
    switch (command) {
      case 'reconsent':
        reconsent();
        return;
      case 'refresh':
        void refresh(profileId);
        return;
      case 'check':
        void check(profileId);
        return;
      case 'open':
        openProfile(profileId);
        return;
      case 'recover':
      case 'enable':
      case 'write':
        void repairKeyVault(profileId, command);
        return;
    }
  };
  const label = busy === 'refreshing' ? t('health.refreshing') : busy === 'checking' ? t('health.checking') : busy === 'repairing' ? t('health.repairing') : t(`health.actions.${action}`);
  return (
    <Button
      appearance="primary"
      size="small"
      icon={busy ? <Spinner size="extra-tiny" /> : icons[command]}
      disabled={busy !== undefined}
      onClick={run}
      aria-describedby={describedBy}
      data-testid="health-action"
      data-action={action}
    >
      {label}
    </Button>
  );
}
