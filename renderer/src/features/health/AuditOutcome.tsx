import { CheckmarkCircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../store/health-entries';

const useStyles = makeStyles({
  outcome: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** An event's outcome in words, with an icon beside them (never colour alone). */
export function AuditOutcome({ outcome }: { readonly outcome: AuditEvent['outcome'] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <span className={styles.outcome} data-outcome={outcome}>
      {outcome === 'ok' ? <CheckmarkCircleRegular aria-hidden className={styles.ok} /> : <DismissCircleRegular aria-hidden className={styles.failed} />}
      {t(`health.audit.outcomes.${outcome}`)}
    </span>
  );
}
