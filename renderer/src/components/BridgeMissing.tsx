import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BridgeMissingReason } from '../bridge/install-bridge';

/**
 * Shown when the page has no bridge: browser mode opened without a valid launch link (a bookmarked address, a link
 * already used or expired), or with no server answering.
 */
export function BridgeMissing({ reason }: { readonly reason: BridgeMissingReason }) {
  const { t } = useTranslation();
  const text = reason === 'launch-link' ? 'app.launchLink' : 'errors.unavailable';
  return (
    <div style={{ padding: 24 }}>
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t(`${text}.message`)}</MessageBarTitle>
          {t(`${text}.remedy`)}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
