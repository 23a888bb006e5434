import { Button, Card, makeStyles, Spinner, Text, Toolbar, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowLeftRegular, ArrowSyncRegular, PersonKeyRegular, WrenchRegular } from '@fluentui/react-icons';
import { useCallback, useRef } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useRescueFocus } from '../../components/use-rescue-focus';
import type { HealthAction } from '../../../../shared/health/health-state';
import type { HealthEntry } from '../../store/health-entries';
import { useHealthStore, type KeyVaultRepair } from '../../store/health-store';
import { isConsentActive, useConsentStore } from '../../store/consent-store';
import { useProfilesStore } from '../../store/profiles-store';
import { SamErrorNotice } from '../consent/SamErrorNotice';
import { useNow } from '../inspector/use-now';
import { asOfText } from './health-row';
import { HealthFactsTable } from './HealthFactsTable';
import { HealthReasons } from './HealthReasons';
import { HealthReconsent } from './HealthReconsent';
import { HealthTimeline } from './HealthTimeline';
import { KeyVaultVersions } from './KeyVaultVersions';
import { StateBadge } from './StateBadge';
import { useTranslate } from './use-translate';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 960px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.subtitle1, margin: 0, wordBreak: 'break-word' },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  back: { justifySelf: 'start' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, padding: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

const failureTitles = { check: 'health.checkFailed', refresh: 'health.refreshFailed', repair: 'health.repairFailed' } as const;

/** The Key Vault fix an action stands for, when it is one. */
function repairFor(action: HealthAction): KeyVaultRepair | null {
  if (action === 'recover-key-vault') return 'recover';
  if (action === 'enable-key-vault') return 'enable';
  if (action === 'write-key-vault') return 'write';
  return null;
}

/**
 * One profile's token health: its state and every reason, what SAM Desk knows and since when, the Key Vault
 * secret's versions, the timeline from the audit log, and the actions — Reconsent, Refresh now, Check now (the next
 * action the primary one), with a reconsent's sign-in link and progress shown here while it runs.
 */
export function HealthProfilePage({ entry }: { readonly entry: HealthEntry }) {
  const styles = useStyles();
  const { t, language } = useTranslate();
  const now = useNow(true);
  const profile = useProfilesStore((state) => state.profiles.find((candidate) => candidate.id === entry.profileId) ?? null);
  const busy = useHealthStore((state) => state.busy[entry.profileId]);
  const failure = useHealthStore((state) => state.failures[entry.profileId]);
  const timeline = useHealthStore((state) => state.timeline);
  const refresh = useHealthStore((state) => state.refresh);
  const check = useHealthStore((state) => state.check);
  const closeProfile = useHealthStore((state) => state.closeProfile);
  const repairKeyVault = useHealthStore((state) => state.repairKeyVault);
  const consenting = useConsentStore((state) => isConsentActive(state.runs[entry.profileId]));
  const startConsent = useConsentStore((state) => state.start);
  const { assessment, facts } = entry;
  const lastError = assessment.lastError !== null && facts.lastError?.value.code === assessment.lastError ? facts.lastError.value : null;
  // Opened from a row or a notification: focus lands on the profile's heading, so reading starts here.
  const heading = useRef<HTMLHeadingElement>(null);
  useRescueFocus(entry.profileId, useCallback(() => heading.current, []), { onMount: true });
  const primary = (action: typeof assessment.action) => (assessment.action === action ? 'primary' : 'secondary');

  const repair = repairFor(assessment.action);
  const actions = (
    <Toolbar aria-label={t('health.details.actionsLabel', { name: entry.displayName })} className={styles.toolbar}>
      {repair && (
        <Button appearance="primary" icon={busy === 'repairing' ? <Spinner size="extra-tiny" /> : <WrenchRegular />} disabled={busy !== undefined || consenting} onClick={() => void repairKeyVault(entry.profileId, repair)} data-testid="health-repair" data-repair={repair}>
          {busy === 'repairing' ? t('health.repairing') : t(`health.actions.${assessment.action}`)}
        </Button>
      )}
      <Button appearance={primary('reconsent')} icon={<PersonKeyRegular />} disabled={!profile || consenting || busy !== undefined} onClick={() => void startConsent(entry.profileId)} data-testid="health-reconsent-start">
        {t('health.actions.reconsent')}
      </Button>
      <Button
        appearance={primary('refresh-now')}
        icon={busy === 'refreshing' ? <Spinner size="extra-tiny" /> : <ArrowSyncRegular />}
        disabled={busy !== undefined || consenting}
        onClick={() => void refresh(entry.profileId)}
        data-testid="health-refresh"
      >
        {busy === 'refreshing' ? t('health.refreshing') : t('health.actions.refresh-now')}
      </Button>
      <Button
        appearance={primary('check-now')}
        icon={busy === 'checking' ? <Spinner size="extra-tiny" /> : <ArrowClockwiseRegular />}
        disabled={busy !== undefined || consenting}
        onClick={() => void check(entry.profileId)}
        data-testid="health-check"
      >
        {busy === 'checking' ? t('health.checking') : t('health.actions.check-now')}
      </Button>
    </Toolbar>
  );

  return (
    <section className={styles.stack} aria-labelledby="health-profile-heading" data-testid="health-profile" data-profile-id={entry.profileId} data-state={assessment.state}>
      <Button appearance="subtle" icon={<ArrowLeftRegular />} className={styles.back} onClick={closeProfile} data-testid="health-back">
        {t('health.details.back')}
      </Button>
      <Card>
        <div className={styles.title}>
          <h3 id="health-profile-heading" ref={heading} tabIndex={-1} className={styles.heading}>
            {entry.displayName}
          </h3>
          <StateBadge state={assessment.state} size="large" />
        </div>
        <Text as="p" block style={{ margin: 0 }}>
          {t(`health.states.${assessment.state}.explanation`)}
        </Text>
        {assessment.asOf && (
          <Text as="p" block size={200} className={styles.muted} style={{ margin: 0 }} data-testid="health-profile-as-of">
            {asOfText(assessment.asOf, t, language, now)}
          </Text>
        )}
        {profile ? <HealthReconsent profile={profile}>{actions}</HealthReconsent> : actions}
        <div aria-live="polite">
          {failure?.kind === 'sam' && <SamErrorNotice title={t(failureTitles[failure.action])} code={failure.error} detail={failure.detail} />}
          {failure?.kind === 'ipc' && <ErrorNotice code={failure.code} />}
          {lastError && <SamErrorNotice title={t('health.details.lastError')} code={lastError.code} detail={lastError.detail} intent={assessment.state === 'unknown' ? 'warning' : 'error'} />}
        </div>
        <HealthReasons entry={entry} />
      </Card>
      <div className={styles.layout}>
        <div className={styles.column}>
          <Card>
            <HealthFactsTable entry={entry} now={now} />
          </Card>
          <Card>
            <KeyVaultVersions entry={entry} now={now} />
          </Card>
        </div>
        <div className={styles.column}>
          <Card>
            <HealthTimeline timeline={timeline?.profileId === entry.profileId ? timeline : null} now={now} />
          </Card>
        </div>
      </div>
    </section>
  );
}
