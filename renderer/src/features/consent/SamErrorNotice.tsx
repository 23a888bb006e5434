import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { SamErrorCode } from '../../../../shared/sam/error-codes';

// The set lives in shared/ so the health assessment offers Reconsent for exactly the errors this notice does.
export { reconsentFixes } from '../../../../shared/sam/reconsent-fixes';

/** A consent or token failure: what happened and what to do (sam.errors.<code>), with an optional Reconsent. */
export function SamErrorNotice({
  code,
  detail,
  title,
  onReconsent,
  reconsentDisabled = false,
  intent = 'error',
}: {
  readonly code: SamErrorCode;
  readonly detail: Readonly<Record<string, string | number>>;
  readonly title?: string;
  readonly onReconsent?: (() => void) | undefined;
  readonly reconsentDisabled?: boolean;
  /** A warning where the failure leaves the admin with usable data (offline with the last known list). */
  readonly intent?: 'error' | 'warning';
}) {
  const { t } = useTranslation();
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="sam-error" data-code={code}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        <span style={{ display: 'block' }} data-testid="sam-error-message">
          {t(`sam.errors.${code}.message`, detail)}
        </span>
        <span style={{ display: 'block' }} data-testid="sam-error-remedy">
          {t(`sam.errors.${code}.remedy`, detail)}
        </span>
      </MessageBarBody>
      {onReconsent && (
        <MessageBarActions>
          <Button icon={<ArrowClockwiseRegular />} onClick={onReconsent} disabled={reconsentDisabled} data-testid="retry-reconsent">
            {t('consent.reconsent')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
