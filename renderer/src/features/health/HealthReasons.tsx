import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { HealthEntry } from '../../store/health-entries';
import { reasonSentence } from './health-row';
import { useTranslate } from './use-translate';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
});

/** Every reason the assessment found, worst first, each as a sentence. */
export function HealthReasons({ entry }: { readonly entry: HealthEntry }) {
  const styles = useStyles();
  const { t, language } = useTranslate();
  const { reasons } = entry.assessment;
  return (
    <section aria-labelledby="health-reasons-heading">
      <Text as="h4" block size={400} weight="semibold" id="health-reasons-heading" className={styles.heading}>
        {t('health.details.reasonsHeading')}
      </Text>
      {reasons.length === 0 ? (
        <Text as="p" block>
          {t('health.details.noReasons')}
        </Text>
      ) : (
        <ul className={styles.list} data-testid="health-reasons">
          {reasons.map((reason) => (
            <li key={reason.reason} data-reason={reason.reason}>
              {reasonSentence(reason, t, language)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
