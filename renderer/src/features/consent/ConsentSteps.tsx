import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ConsentStep } from '../../store/consent-store';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '20px 1fr', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  pending: { color: tokens.colorNeutralForeground3 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export type StepState = 'done' | 'active' | 'pending';

/** The steps this profile's consent goes through: the ones seen so far in order, then those still to come. */
export function plannedSteps(seen: readonly ConsentStep[], profile: { readonly keychain: boolean; readonly keyVault: unknown }): { step: ConsentStep; state: StepState }[] {
  // Main saves to the keychain first (it is local and fast), then to Key Vault.
  const all: ConsentStep[] = ['waiting-for-sign-in', 'exchanging-code', 'checking-mfa', ...(profile.keychain ? ['saving-to-keychain' as const] : []), ...(profile.keyVault ? ['saving-to-key-vault' as const] : [])];
  const rest = all.filter((step) => !seen.includes(step));
  return [
    ...seen.map((step, index) => ({ step, state: index === seen.length - 1 ? ('active' as const) : ('done' as const) })),
    ...rest.map((step) => ({ step, state: 'pending' as const })),
  ];
}

/** Each step with its state in words (not colour alone); the list is announced as it changes. */
export function ConsentSteps({ steps }: { readonly steps: readonly { step: ConsentStep; state: StepState }[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <ol className={styles.list} aria-label={t('consent.stepsLabel')} data-testid="consent-steps">
      {steps.map(({ step, state }) => (
        <li key={step} className={styles.item} data-step={step} data-state={state} aria-current={state === 'active' ? 'step' : undefined}>
          {state === 'done' ? (
            <CheckmarkCircleFilled aria-hidden color={tokens.colorPaletteGreenForeground1} />
          ) : state === 'active' ? (
            <Spinner size="extra-tiny" aria-hidden />
          ) : (
            <CircleRegular aria-hidden color={tokens.colorNeutralForeground3} />
          )}
          <Text weight={state === 'active' ? 'semibold' : 'regular'} className={state === 'pending' ? styles.pending : undefined}>
            {t(`sam.steps.${step}`)}
            <span className={styles.hidden}>{` (${t(`consent.stepState.${state}`)})`}</span>
          </Text>
        </li>
      ))}
    </ol>
  );
}
