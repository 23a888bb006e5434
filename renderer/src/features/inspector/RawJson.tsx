import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { revealHiddenKeepingLineBreaks } from '../../../../shared/text/hidden-characters';
import { CopyButton } from '../../components/CopyButton';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: tokens.spacingHorizontalL },
  pre: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    overflowX: 'auto',
    margin: 0,
  },
  title: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
});

export function RawJson({ header, payload }: { readonly header: object | null; readonly payload: object | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const parts = [
    { id: 'header', label: t('inspect.header'), value: header },
    { id: 'payload', label: t('inspect.payload'), value: payload },
  ].filter((part) => part.value !== null);
  return (
    <section aria-labelledby="raw-heading">
      <Text as="h3" block id="raw-heading" weight="semibold" size={400}>
        {t('inspect.rawHeading')}
      </Text>
      <div className={styles.grid}>
        {parts.map((part) => {
          const text = JSON.stringify(part.value, null, 2);
          return (
            <div key={part.id}>
              <div className={styles.title}>
                <Text weight="semibold" id={`raw-${part.id}`}>
                  {part.label}
                </Text>
                <CopyButton value={text} name={part.label} />
              </div>
              <pre className={styles.pre} aria-labelledby={`raw-${part.id}`} data-testid={`raw-${part.id}`} tabIndex={0}>
                {/* JSON.stringify leaves C1, direction and zero-width characters raw; they are shown as \u escapes. */}
                {revealHiddenKeepingLineBreaks(text)}
              </pre>
            </div>
          );
        })}
      </div>
    </section>
  );
}
