import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Shown when the page was opened without the launch key (e.g. a bookmarked browser-mode address). */
export function BridgeMissing() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 24 }}>
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t('errors.unavailable.message')}</MessageBarTitle>
          {t('errors.unavailable.remedy')}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
