import { tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { CheckStatus } from '../../../../shared/inspector/inspection';

/** Icon and colour for a check status. The status is always written out too: colour is never the only cue. */
export function statusIcon(status: CheckStatus): ReactElement {
  switch (status) {
    case 'pass':
      return <CheckmarkCircleFilled aria-hidden color={tokens.colorPaletteGreenForeground1} />;
    case 'warn':
      return <WarningFilled aria-hidden color={tokens.colorPaletteMarigoldForeground1} />;
    case 'fail':
      return <DismissCircleFilled aria-hidden color={tokens.colorPaletteRedForeground1} />;
    case 'info':
      return <InfoFilled aria-hidden color={tokens.colorNeutralForeground3} />;
    default:
      return assertNever(status);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected status ${String(value)}`);
}
