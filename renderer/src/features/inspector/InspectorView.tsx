import { Card, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useInspectorStore } from '../../store/inspector-store';
import { ChecksList } from './ChecksList';
import { ClaimsTable } from './ClaimsTable';
import { InspectionSummary } from './InspectionSummary';
import { RawJson } from './RawJson';
import { TokenInput } from './TokenInput';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

export function InspectorView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const inspection = useInspectorStore((state) => state.inspection);
  const busy = useInspectorStore((state) => state.busy);
  const error = useInspectorStore((state) => state.error);
  const input = useInspectorStore((state) => state.input);

  return (
    <div className={styles.stack}>
      <div>
        <Text as="h2" block size={600} weight="semibold" className={styles.heading}>
          {t('inspect.heading')}
        </Text>
        <Text as="p" block>{t('inspect.intro')}</Text>
      </div>
      <TokenInput />
      {error && <ErrorNotice code={error} />}
      <div aria-live="polite" aria-busy={busy} data-testid="results" className={styles.stack}>
        {busy && <Spinner size="tiny" label={t('inspect.working')} />}
        {!busy && !inspection && !error && input.trim() === '' && <Text>{t('inspect.empty')}</Text>}
        {inspection && (
          <>
            <Card>
              <InspectionSummary inspection={inspection} />
            </Card>
            {inspection.checks.length > 0 && (
              <Card>
                <ChecksList checks={inspection.checks} />
              </Card>
            )}
            {inspection.claims && (
              <Card>
                <ClaimsTable claims={inspection.claims} />
              </Card>
            )}
            {(inspection.header ?? inspection.claims) && (
              <Card>
                <RawJson header={inspection.header} payload={inspection.claims} />
              </Card>
            )}
          </>
        )}
      </div>
    </div>
  );
}
