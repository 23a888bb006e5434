import { makeStyles, tokens } from '@fluentui/react-components';

/** A labelled list of facts (term and value), as the profile details and the consent summary show them. */
export interface Fact {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, wordBreak: 'break-all' },
});

export function FactList({ facts, testId }: { readonly facts: readonly Fact[]; readonly testId: string }) {
  const styles = useStyles();
  return (
    <dl className={styles.grid} data-testid={testId}>
      {facts.map((fact) => (
        <div key={fact.key} style={{ display: 'contents' }} data-field={fact.key}>
          <dt className={styles.term}>{fact.label}</dt>
          <dd className={styles.value}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
