import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TOKEN_INPUT_LENGTH } from '../../../../shared/ipc/contract';
import { useInspectorStore } from '../../store/inspector-store';

const useStyles = makeStyles({
  drop: { borderRadius: tokens.borderRadiusMedium, outline: `${tokens.strokeWidthThick} dashed transparent` },
  dropActive: { outlineColor: tokens.colorBrandStroke1 },
  textarea: { fontFamily: tokens.fontFamilyMonospace, width: '100%' },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: tokens.spacingVerticalXS },
});

export function TokenInput() {
  const styles = useStyles();
  const { t } = useTranslation();
  const input = useInspectorStore((state) => state.input);
  const tooLong = useInspectorStore((state) => state.tooLong);
  const setInput = useInspectorStore((state) => state.setInput);
  const clear = useInspectorStore((state) => state.clear);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) {
      // Read no more than a token could be; a dropped log file must not freeze the window.
      void file.slice(0, MAX_TOKEN_INPUT_LENGTH + 1).text().then(setInput);
      return;
    }
    const text = event.dataTransfer.getData('text/plain');
    if (text) setInput(text);
  };

  return (
    <div
      className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Field
        label={t('inspect.inputLabel')}
        hint={t('inspect.inputHint')}
        validationState={tooLong ? 'error' : 'none'}
        validationMessage={tooLong ? t('inspect.tooLong', { max: MAX_TOKEN_INPUT_LENGTH }) : null}
      >
        <Textarea
          className={styles.textarea}
          textarea={{ className: styles.textarea, spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' }}
          value={input}
          onChange={(_event, data) => setInput(data.value)}
          placeholder={t('inspect.placeholder')}
          rows={5}
          resize="vertical"
          data-testid="token-input"
        />
      </Field>
      <div className={styles.row}>
        <span>{t('inspect.dropHint')}</span>
        <Button icon={<DismissRegular />} onClick={clear} disabled={input === ''}>
          {t('inspect.clear')}
        </Button>
      </div>
    </div>
  );
}
