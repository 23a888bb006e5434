import { Button, Spinner, Text } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { samDesk } from '../../bridge/install-bridge';

type RetryState = { readonly phase: 'idle' | 'running' | 'saved' } | { readonly phase: 'failed'; readonly error: string; readonly detail: Readonly<Record<string, string | number>> };

/** Writes the keychain's copy of the refresh token to Key Vault again, once the admin has fixed vault access. */
export function RetryKeyVault({ profileId }: { readonly profileId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<RetryState>({ phase: 'idle' });
  const retry = async (): Promise<void> => {
    setState({ phase: 'running' });
    try {
      const result = await samDesk().keyVault.retry({ profileId });
      setState(result.ok ? { phase: 'saved' } : { phase: 'failed', error: result.error, detail: result.detail });
    } catch {
      setState({ phase: 'failed', error: 'key-vault-failed', detail: {} });
    }
  };
  if (state.phase === 'saved') {
    return (
      <Text role="status" data-testid="retry-key-vault-result" data-status="saved">
        {t('consent.retrySaved')}
      </Text>
    );
  }
  return (
    <div role="status" aria-live="polite">
      <Button icon={state.phase === 'running' ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />} disabledFocusable={state.phase === 'running'} onClick={() => void retry()} data-testid="retry-key-vault">
        {t('consent.retryKeyVault')}
      </Button>
      {state.phase === 'failed' && (
        <Text block size={200} data-testid="retry-key-vault-result" data-status="failed">
          {t(`sam.errors.${state.error}.message`, state.detail)} {t(`sam.errors.${state.error}.remedy`, state.detail)}
        </Text>
      )}
    </div>
  );
}
