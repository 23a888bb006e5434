import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { formatDateTime, formatRelativeSeconds } from '../../../../shared/i18n/relative-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { TimelineState } from '../../store/health-store';
import { auditDetails } from './audit-text';
import { AuditOutcome } from './AuditOutcome';
import { useTranslate } from './use-translate';

const useStyles = makeStyles({
  heading: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorNeutralStroke2,
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'baseline' },
  when: { color: tokens.colorNeutralForeground2 },
  details: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
});

/** The profile's token events from the audit log, newest first: consents, rotations, checks and failures. */
export function HealthTimeline({ timeline, now }: { readonly timeline: TimelineState | null; readonly now: number }) {
  const styles = useStyles();
  const { t, language } = useTranslate();
  const events = timeline?.events ?? [];
  return (
    <section aria-labelledby="health-timeline-heading" aria-busy={timeline?.loading ?? false}>
      <Text as="h4" block size={400} weight="semibold" id="health-timeline-heading" className={styles.heading}>
        {t('health.timeline.heading')}
      </Text>
      <Text as="p" block size={200}>
        {t('health.timeline.intro')}
      </Text>
      {timeline?.error && <ErrorNotice code={timeline.error} />}
      {events.length === 0 ? (
        timeline?.loading ? (
          <Spinner size="tiny" label={t('health.timeline.loading')} labelPosition="after" />
        ) : (
          <Text as="p" block data-testid="health-timeline-empty">
            {t('health.timeline.empty')}
          </Text>
        )
      ) : (
        <ol className={styles.list} data-testid="health-timeline">
          {events.map((event, index) => {
            const details = auditDetails(event, t);
            return (
              <li key={`${event.at}-${String(index)}`} className={styles.item} data-testid="health-timeline-event" data-kind={event.kind} data-outcome={event.outcome}>
                <div className={styles.line}>
                  <Text weight="semibold">{t(`health.audit.kinds.${event.kind}`)}</Text>
                  <AuditOutcome outcome={event.outcome} />
                  <Text size={200} className={styles.when} title={formatDateTime(event.at, language)}>
                    <time dateTime={event.at}>{formatRelativeSeconds(Math.round((Date.parse(event.at) - now) / 1000), language)}</time>
                  </Text>
                </div>
                {/* The code, as the log keeps it: the event carries no detail to fill the full sentence with. */}
                {event.code && <Text size={200} data-testid="health-timeline-code">{`${t('health.audit.columns.code')}: ${event.code}`}</Text>}
                {details && (
                  <Text size={200} className={styles.details}>
                    {details}
                  </Text>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
