import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { StorageChoice } from '../editor-form';
import { fieldValidation } from '../field-validation';
import { useEditorStyles } from './styles';
import { useEditor } from './use-editor';

const storageChoices: readonly StorageChoice[] = ['keychain', 'keyVault', 'both'];
const isStorageChoice = (value: string): value is StorageChoice => (storageChoices as readonly string[]).includes(value);

/** Where the refresh token is kept: this computer's keychain, Azure Key Vault (which vault, which secret, whose access), or both. */
export function StorageFields() {
  const styles = useEditorStyles();
  const { t } = useTranslation();
  const { form, errors, setField } = useEditor();
  return (
    <div className={styles.group}>
      <Field label={t('profiles.fields.storage')} hint={t('profiles.hints.storage')} {...fieldValidation(errors, 'storage', t)}>
        <RadioGroup
          layout="horizontal"
          value={form.storage}
          onChange={(_event, data) => {
            if (isStorageChoice(data.value)) setField('storage', data.value);
          }}
        >
          {storageChoices.map((choice) => (
            <Radio key={choice} value={choice} label={t(`profiles.storageOptions.${choice}`)} data-testid={`storage-${choice}`} />
          ))}
        </RadioGroup>
      </Field>
      {form.storage !== 'keychain' && (
        <fieldset className={styles.nested}>
          <legend className={styles.legend}>{t('profilesView.keyVaultHeading')}</legend>
          <Field label={t('profiles.fields.vaultUrl')} hint={t('profiles.hints.vaultUrl')} required {...fieldValidation(errors, 'vaultUrl', t)}>
            <Input
              type="url"
              value={form.vaultUrl}
              onChange={(_event, data) => setField('vaultUrl', data.value)}
              input={{ spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' }}
              placeholder="https://contoso-sam.vault.azure.net/"
              data-testid="field-vaultUrl"
            />
          </Field>
          <Field label={t('profiles.fields.secretName')} hint={t('profiles.hints.secretName')} required {...fieldValidation(errors, 'secretName', t)}>
            <Input
              value={form.secretName}
              onChange={(_event, data) => setField('secretName', data.value)}
              input={{ spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' }}
              placeholder="SAM-RefreshToken"
              data-testid="field-secretName"
            />
          </Field>
          <Field label={t('profiles.fields.keyVaultAccess')} hint={t('profiles.hints.keyVaultAccess')} {...fieldValidation(errors, 'keyVaultAccess', t)}>
            <RadioGroup value={form.keyVaultAccess} onChange={(_event, data) => setField('keyVaultAccess', data.value === 'admin' || data.value === 'azure-cli' ? data.value : 'app')}>
              <Radio value="app" label={t('profiles.keyVaultAccessOptions.app')} data-testid="access-app" />
              <Radio value="admin" label={t('profiles.keyVaultAccessOptions.admin')} data-testid="access-admin" />
              <Radio value="azure-cli" label={t('profiles.keyVaultAccessOptions.azure-cli')} data-testid="access-azure-cli" />
            </RadioGroup>
          </Field>
        </fieldset>
      )}
    </div>
  );
}
