import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { KeyRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelativeSeconds } from '../../../../shared/i18n/relative-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { isConsentActive, useConsentStore } from '../../store/consent-store';
import type { ListedProfile } from '../../store/profiles-store';
import { useTokenStore } from '../../store/token-store';
import { useNow } from '../inspector/use-now';
import { reconsentFixes, SamErrorNotice } from './SamErrorNotice';
import { StoreResults } from './StoreResults';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  grid: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, wordBreak: 'break-all' },
});

/** "Get access token": redeems the stored refresh token in main and shows what came back (never the token). */
export function TokenPanel({ profile }: { readonly profile: ListedProfile }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const run = useTokenStore((state) => state.runs[profile.id]);
  const acquire = useTokenStore((state) => state.acquire);
  const consentActive = useConsentStore((state) => isConsentActive(state.runs[profile.id]));
  const startConsent = useConsentStore((state) => state.start);
  const now = useNow(run?.phase === 'succeeded');

  return (
    <section className={styles.stack} aria-labelledby="token-heading" data-testid="token-panel">
      <Text as="h4" block id="token-heading" size={400} weight="semibold" className={styles.heading}>
        {t('token.heading')}
      </Text>
      <Text as="p" block style={{ margin: 0 }}>
        {t('token.intro')}
      </Text>
      <div>
        <Button icon={<KeyRegular />} onClick={() => void acquire(profile.id)} disabledFocusable={run?.phase === 'working'} data-testid="acquire-token">
          {t('token.acquire')}
        </Button>
      </div>
      <div aria-live="polite" className={styles.stack}>
        {run?.phase === 'working' && <Spinner size="tiny" label={t('token.working')} labelPosition="after" />}
        {run?.phase === 'succeeded' && (
          <div className={styles.stack} data-testid="token-result" data-state="succeeded">
            <MessageBar intent="success">
              <MessageBarBody>{t('token.succeeded')}</MessageBarBody>
            </MessageBar>
            <dl className={styles.grid}>
              <div style={{ display: 'contents' }} data-field="expiresAt">
                <dt className={styles.term}>{t('token.fields.expiresAt')}</dt>
                <dd className={styles.value}>
                  {t('consent.timeWithRelative', { time: formatDateTime(run.expiresAt, language), relative: formatRelativeSeconds(Math.round((Date.parse(run.expiresAt) - now) / 1000), language) })}
                </dd>
              </div>
              <div style={{ display: 'contents' }} data-field="scopes">
                <dt className={styles.term}>{t('token.fields.scopes')}</dt>
                <dd className={styles.value}>{run.scopes.join(', ') || t('consent.none')}</dd>
              </div>
              <div style={{ display: 'contents' }} data-field="refreshedFrom">
                <dt className={styles.term}>{t('token.fields.refreshedFrom')}</dt>
                <dd className={styles.value} data-value={run.refreshedFrom}>
                  {t(`token.sources.${run.refreshedFrom}`)}
                </dd>
              </div>
            </dl>
            {run.saved && (
              <div>
                <Text weight="semibold" block>
                  {t('token.fields.saved')}
                </Text>
                <StoreResults saved={run.saved} profileId={profile.id} />
              </div>
            )}
          </div>
        )}
        {run?.phase === 'failed' && (
          <div data-testid="token-result" data-state="failed">
            <SamErrorNotice
              title={t('token.failed')}
              code={run.error}
              detail={run.detail}
              onReconsent={reconsentFixes.has(run.error) ? () => void startConsent(profile.id) : undefined}
              reconsentDisabled={consentActive}
            />
          </div>
        )}
        {run?.phase === 'unavailable' && <ErrorNotice code={run.code} />}
      </div>
    </section>
  );
}
