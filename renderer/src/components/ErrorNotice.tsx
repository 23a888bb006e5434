import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors';

/** An error as the user should see it: what happened and what to do, never a stack trace. */
export function ErrorNotice({ code, field }: { readonly code: IpcErrorCode; readonly field?: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(`errors.${code}.message`, { field: field ?? '' })}</MessageBarTitle>
        {t(`errors.${code}.remedy`)}
      </MessageBarBody>
    </MessageBar>
  );
}
