import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { MethodResponse } from '../../../../shared/ipc/contract';
import { RetryKeyVault } from './RetryKeyVault';

type SaveOutcome = NonNullable<Extract<MethodResponse<'tokens.acquire'>, { ok: true }>['saved']>;
type StoreResult = SaveOutcome['keyVault'];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: '20px max-content 1fr', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  detail: { gridColumn: '3', display: 'grid' },
});

function icon(result: StoreResult) {
  switch (result.status) {
    case 'saved':
      return <CheckmarkCircleFilled aria-hidden color={tokens.colorPaletteGreenForeground1} />;
    case 'kept-as-fallback':
      return <WarningFilled aria-hidden color={tokens.colorPaletteMarigoldForeground1} />;
    case 'failed':
      return <DismissCircleFilled aria-hidden color={tokens.colorPaletteRedForeground1} />;
    case 'not-configured':
      return <InfoFilled aria-hidden color={tokens.colorNeutralForeground3} />;
  }
}

/** Where a refresh token was saved: Key Vault and the keychain, each with its outcome (and the fix when it failed). */
export function StoreResults({ saved, profileId }: { readonly saved: SaveOutcome; readonly profileId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const stores = [
    { id: 'key-vault', label: t('consent.fields.keyVault'), result: saved.keyVault },
    { id: 'keychain', label: t('consent.fields.keychain'), result: saved.keychain },
  ];
  return (
    <ul className={styles.list}>
      {stores.map(({ id, label, result }) => (
        <li key={id} className={styles.item} data-testid={`store-${id}`} data-status={result.status}>
          {icon(result)}
          <Text weight="semibold">{label}</Text>
          <Text>{t(`sam.store.${result.status}`)}</Text>
          {result.status === 'failed' && (
            <span className={styles.detail}>
              <Text size={200}>{t(`sam.errors.${result.error}.message`, result.detail)}</Text>
              <Text size={200}>{t(`sam.errors.${result.error}.remedy`, result.detail)}</Text>
            </span>
          )}
        </li>
      ))}
      {saved.keyVaultRetryPending && (
        <li>
          <Text block size={200}>{t('consent.retryPending')}</Text>
          <RetryKeyVault profileId={profileId} />
        </li>
      )}
    </ul>
  );
}
