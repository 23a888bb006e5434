import { Field, Input, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CloudKind } from '../../../../../shared/profiles/clouds';
import { fieldValidation } from '../field-validation';
import { useEditorStyles } from './styles';
import { useEditor } from './use-editor';

const cloudKinds: readonly CloudKind[] = ['public', 'usgov', 'china', 'custom'];
const isCloudKind = (value: string): value is CloudKind => (cloudKinds as readonly string[]).includes(value);

/** The Microsoft cloud, and for a custom one (such as the local cloud) its endpoints (Microsoft Graph's is optional). */
export function CloudFields() {
  const styles = useEditorStyles();
  const { t } = useTranslation();
  const { form, errors, setField } = useEditor();
  const urlInput = { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } as const;
  return (
    <div className={styles.group}>
      <Field label={t('profiles.fields.cloud')} hint={t('profiles.hints.cloud')} {...fieldValidation(errors, 'cloudKind', t)}>
        <Select
          value={form.cloudKind}
          onChange={(_event, data) => {
            if (isCloudKind(data.value)) setField('cloudKind', data.value);
          }}
          data-testid="field-cloud"
        >
          {cloudKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`profiles.cloudNames.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      {form.cloudKind === 'custom' && (
        <fieldset className={styles.nested}>
          <legend className={styles.legend}>{t('profilesView.customCloudHeading')}</legend>
          <p style={{ margin: 0 }}>{t('profiles.hints.custom')}</p>
          <Field label={t('profiles.fields.authorityHost')} required {...fieldValidation(errors, 'authorityHost', t)}>
            <Input type="url" value={form.authorityHost} onChange={(_event, data) => setField('authorityHost', data.value)} input={urlInput} placeholder="https://login.microsoftonline.com" data-testid="field-authorityHost" />
          </Field>
          <Field label={t('profiles.fields.partnerCenterUrl')} required {...fieldValidation(errors, 'partnerCenterUrl', t)}>
            <Input type="url" value={form.partnerCenterUrl} onChange={(_event, data) => setField('partnerCenterUrl', data.value)} input={urlInput} placeholder="https://api.partnercenter.microsoft.com" data-testid="field-partnerCenterUrl" />
          </Field>
          <Field label={t('profiles.fields.keyVaultSuffix')} required {...fieldValidation(errors, 'keyVaultSuffix', t)}>
            <Input value={form.keyVaultSuffix} onChange={(_event, data) => setField('keyVaultSuffix', data.value)} input={urlInput} placeholder="vault.azure.net" data-testid="field-keyVaultSuffix" />
          </Field>
          <Field label={t('profiles.fields.graphUrl')} hint={t('profiles.hints.graphUrl')} {...fieldValidation(errors, 'graphUrl', t)}>
            <Input type="url" value={form.graphUrl} onChange={(_event, data) => setField('graphUrl', data.value)} input={urlInput} placeholder="https://graph.microsoft.com" data-testid="field-graphUrl" />
          </Field>
        </fieldset>
      )}
    </div>
  );
}
