import { Badge, type BadgeProps } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ClockAlarmRegular, DismissCircleRegular, QuestionCircleRegular, WarningRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthState } from '../../../../shared/health/health-state';

/** Colour and icon per state. The state's name is always written too: colour is never the only cue. */
function appearance(state: HealthState): { readonly color: NonNullable<BadgeProps['color']>; readonly icon: ReactElement } {
  switch (state) {
    case 'dead':
      return { color: 'danger', icon: <DismissCircleRegular /> };
    case 'action-needed':
      return { color: 'severe', icon: <WarningRegular /> };
    case 'expiring':
      return { color: 'warning', icon: <ClockAlarmRegular /> };
    case 'unknown':
      return { color: 'informative', icon: <QuestionCircleRegular /> };
    case 'healthy':
      return { color: 'success', icon: <CheckmarkCircleRegular /> };
    default:
      return assertNever(state);
  }
}

export function StateBadge({ state, size = 'medium' }: { readonly state: HealthState; readonly size?: 'medium' | 'large' }) {
  const { t } = useTranslation();
  const { color, icon } = appearance(state);
  return (
    <Badge appearance="tint" color={color} icon={icon} size={size} shape="rounded" data-testid="health-state" data-state={state}>
      {t(`health.states.${state}.name`)}
    </Badge>
  );
}

function assertNever(value: never): never {
  throw new Error(`Unexpected state: ${String(value)}`);
}
