import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { fieldValidation } from '../field-validation';
import { useEditorStyles } from './styles';
import { useEditor } from './use-editor';

/** Name, partner tenant and the app registration's client id. */
export function IdentityFields() {
  const styles = useEditorStyles();
  const { t } = useTranslation();
  const { form, errors, setField } = useEditor();
  return (
    <div className={styles.group}>
      <Field label={t('profiles.fields.displayName')} hint={t('profiles.hints.displayName')} required {...fieldValidation(errors, 'displayName', t)}>
        <Input value={form.displayName} onChange={(_event, data) => setField('displayName', data.value)} maxLength={100} data-testid="field-displayName" />
      </Field>
      <Field label={t('profiles.fields.tenant')} hint={t('profiles.hints.tenant')} required {...fieldValidation(errors, 'tenant', t)}>
        <Input
          value={form.tenant}
          onChange={(_event, data) => setField('tenant', data.value)}
          input={{ className: styles.mono, spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' }}
          data-testid="field-tenant"
        />
      </Field>
      <Field label={t('profiles.fields.clientId')} hint={t('profiles.hints.clientId')} required {...fieldValidation(errors, 'clientId', t)}>
        <Input
          value={form.clientId}
          onChange={(_event, data) => setField('clientId', data.value)}
          input={{ className: styles.mono, spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' }}
          data-testid="field-clientId"
        />
      </Field>
    </div>
  );
}
