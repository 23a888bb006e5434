import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { formatDateTime, formatRelativeSeconds } from '../../../../shared/i18n/relative-time';
import type { ConsentSucceeded } from '../../store/consent-store';
import { useNow } from '../inspector/use-now';
import { StoreResults } from './StoreResults';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  subheading: { margin: `0 0 ${tokens.spacingVerticalXS}` },
});

/** A finished consent: who signed in (with MFA), what the token allows, and where the refresh token went. */
export function ConsentSuccess({ summary, saved, profileId }: Pick<ConsentSucceeded, 'summary' | 'saved' | 'profileId'>) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const now = useNow(summary.expiresAt !== null);
  const none = t('consent.none');
  const expires = summary.expiresAt
    ? t('consent.timeWithRelative', { time: formatDateTime(summary.expiresAt, language), relative: formatRelativeSeconds(Math.round((Date.parse(summary.expiresAt) - now) / 1000), language) })
    : none;
  const rows = [
    { key: 'user', label: t('consent.fields.user'), value: summary.user ?? none },
    { key: 'tenantId', label: t('consent.fields.tenantId'), value: summary.tenantId ?? none },
    { key: 'mfa', label: t('consent.fields.mfa'), value: summary.mfa === null ? t('consent.unknown') : summary.mfa ? t('consent.mfaYes') : t('consent.mfaNo') },
    { key: 'scopes', label: t('consent.fields.scopes'), value: summary.scopes.join(', ') || none },
    { key: 'expiresAt', label: t('consent.fields.expiresAt'), value: expires },
  ];
  return (
    <div className={styles.stack}>
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>{t('consent.succeeded')}</MessageBarTitle>
          {t('consent.succeededBody')}
        </MessageBarBody>
      </MessageBar>
      <section aria-labelledby="consent-summary-heading">
        <Text as="h5" block id="consent-summary-heading" weight="semibold" className={styles.subheading}>
          {t('consent.summaryHeading')}
        </Text>
        <FactList facts={rows} testId="consent-summary" />
      </section>
      <section aria-labelledby="consent-stores-heading">
        <Text as="h5" block id="consent-stores-heading" weight="semibold" className={styles.subheading}>
          {t('consent.storesHeading')}
        </Text>
        <StoreResults saved={saved} profileId={profileId} />
      </section>
    </div>
  );
}
