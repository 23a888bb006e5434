import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { endpointsChanged } from '../endpoint-change';
import { fieldValidation } from '../field-validation';
import { useEditorStyles } from './styles';
import { useEditor } from './use-editor';

/**
 * How the app proves who it is: a client secret (write-only) or a certificate file with its thumbprint. An edit that
 * points the profile elsewhere asks for the secret again: the stored one stays bound to the old endpoints.
 */
export function CredentialFields() {
  const styles = useEditorStyles();
  const { t } = useTranslation();
  const { editor, form, errors, setField } = useEditor();
  const editing = editor.mode === 'edit';
  const enterAgain = editing && endpointsChanged(editor.initial, form);
  const secretHint = !editing
    ? t('profilesView.clientSecretNewHint')
    : enterAgain
      ? t('profiles.hints.secretAgain')
      : `${t('profiles.hints.clientSecret')} ${editor.hasStoredClientSecret ? t('profiles.hints.clientSecretStored') : t('profiles.hints.clientSecretMissing')}`;
  return (
    <div className={styles.group}>
      <Field label={t('profiles.fields.credential')} {...fieldValidation(errors, 'credentialKind', t)}>
        <RadioGroup
          layout="horizontal"
          value={form.credentialKind}
          onChange={(_event, data) => setField('credentialKind', data.value === 'certificate' ? 'certificate' : 'secret')}
        >
          <Radio value="secret" label={t('profiles.credentialKinds.secret')} data-testid="credential-secret" />
          <Radio value="certificate" label={t('profiles.credentialKinds.certificate')} data-testid="credential-certificate" />
        </RadioGroup>
      </Field>
      {form.credentialKind === 'secret' ? (
        <div className={styles.nested}>
          <Field label={t('profiles.fields.clientSecret')} hint={secretHint} required={!editing || !editor.hasStoredClientSecret || enterAgain} {...fieldValidation(errors, 'clientSecret', t)}>
            <Input type="password" value={form.clientSecret} onChange={(_event, data) => setField('clientSecret', data.value)} autoComplete="off" data-testid="field-clientSecret" />
          </Field>
        </div>
      ) : (
        <div className={styles.nested}>
          <Field label={t('profiles.fields.certificatePath')} hint={t('profiles.hints.certificatePath')} required {...fieldValidation(errors, 'certificatePath', t)}>
            <Input value={form.certificatePath} onChange={(_event, data) => setField('certificatePath', data.value)} input={{ spellCheck: false }} data-testid="field-certificatePath" />
          </Field>
          <Field label={t('profiles.fields.thumbprint')} hint={t('profiles.hints.thumbprint')} required {...fieldValidation(errors, 'thumbprint', t)}>
            <Input
              value={form.thumbprint}
              onChange={(_event, data) => setField('thumbprint', data.value)}
              input={{ className: styles.mono, spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' }}
              data-testid="field-thumbprint"
            />
          </Field>
          <Field
            label={t('profiles.fields.certificatePassword')}
            hint={!editing ? t('profilesView.certificatePasswordNewHint') : enterAgain ? t('profiles.hints.secretAgain') : t('profiles.hints.certificatePassword')}
            {...fieldValidation(errors, 'certificatePassword', t)}
          >
            <Input type="password" value={form.certificatePassword} onChange={(_event, data) => setField('certificatePassword', data.value)} autoComplete="off" data-testid="field-certificatePassword" />
          </Field>
        </div>
      )}
    </div>
  );
}
