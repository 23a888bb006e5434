import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { localizeDateParams } from '../../../../shared/i18n/relative-time';
import type { InspectionCheck } from '../../../../shared/inspector/inspection';
import { statusIcon } from './status-appearance';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '20px 6.5em 1fr', gap: tokens.spacingHorizontalS, alignItems: 'start' },
});

export function ChecksList({ checks }: { readonly checks: readonly InspectionCheck[] }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const count = (status: InspectionCheck['status']): number => checks.filter((check) => check.status === status).length;
  return (
    <section aria-labelledby="checks-heading">
      <Text as="h3" block id="checks-heading" weight="semibold" size={400}>
        {t('inspect.checksHeading')}
      </Text>
      <Text as="p" block size={200}>
        {t('inspect.checksSummary', { fail: count('fail'), warn: count('warn'), pass: count('pass') })}
      </Text>
      <ul className={styles.list} data-testid="checks">
        {checks.map((check) => (
          <li key={check.id} className={styles.item} data-check={check.id} data-status={check.status}>
            {statusIcon(check.status)}
            <Text weight="semibold">{t(`inspect.status.${check.status}`)}</Text>
            <Text>{t(check.messageKey, localizeDateParams(check.params, language))}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
