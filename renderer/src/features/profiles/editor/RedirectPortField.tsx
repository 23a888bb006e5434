import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { fieldValidation } from '../field-validation';
import { useEditorStyles } from './styles';
import { useEditor } from './use-editor';

/** The loopback redirect port: a fixed, registered port (8400 by default) or any free port. */
export function RedirectPortField() {
  const styles = useEditorStyles();
  const { t } = useTranslation();
  const { form, errors, setField } = useEditor();
  const fixed = form.portMode === 'fixed';
  return (
    <div className={styles.group}>
      <Field label={t('profiles.fields.redirectPort')} hint={t('profiles.hints.redirectPort')} {...(fixed ? {} : fieldValidation(errors, 'port', t))}>
        <RadioGroup layout="horizontal" value={form.portMode} onChange={(_event, data) => setField('portMode', data.value === 'any' ? 'any' : 'fixed')}>
          <Radio value="fixed" label={t('profiles.redirectPortOptions.fixed')} data-testid="port-fixed" />
          <Radio value="any" label={t('profiles.redirectPortOptions.any')} data-testid="port-any" />
        </RadioGroup>
      </Field>
      {fixed && (
        <div className={styles.nested}>
          <Field label={t('profilesView.portNumberLabel')} required {...fieldValidation(errors, 'port', t)}>
            <Input className={styles.port} type="number" inputMode="numeric" min={1024} max={65535} value={form.port} onChange={(_event, data) => setField('port', data.value)} data-testid="field-port" />
          </Field>
        </div>
      )}
    </div>
  );
}
