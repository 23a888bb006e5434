import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Switch, Text, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type IpcErrorCode } from '../../../../shared/ipc/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { HealthSettings } from '../../store/health-entries';
import { useHealthStore } from '../../store/health-store';
import { checkSettingsForm, formFromSettings, type SettingsField, type SettingsForm } from './settings-form';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  heading: { margin: 0 },
  number: { maxWidth: '160px' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type Outcome = { readonly kind: 'saved' } | { readonly kind: 'invalid' } | { readonly kind: 'failed'; readonly code: IpcErrorCode } | null;

/** The scheduled check, keep-alive, notifications, the expiring threshold and the Key Vault versions kept, checked before saving. */
export function HealthSettingsForm({ settings }: { readonly settings: HealthSettings }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const saveSettings = useHealthStore((state) => state.saveSettings);
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings));
  const [errors, setErrors] = useState<readonly SettingsField[]>([]);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const inputs = useRef<Partial<Record<SettingsField, HTMLInputElement | null>>>({});

  const change = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]): void => {
    setForm((current) => ({ ...current, [key]: value }));
    // A field's error goes once it is edited; "saved" no longer describes the form either.
    setErrors((current) => current.filter((field) => field !== key));
    setOutcome(null);
  };

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const checked = checkSettingsForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setOutcome({ kind: 'invalid' });
      const first = checked.errors[0];
      if (first) inputs.current[first]?.focus();
      return;
    }
    setSaving(true);
    try {
      await saveSettings(checked.settings);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', code: errorCodeOf(error) });
    } finally {
      setSaving(false);
    }
  };

  const numberField = (field: SettingsField, label: string, hint?: string) => (
    <Field label={label} {...(hint ? { hint } : {})} validationState={errors.includes(field) ? 'error' : 'none'} {...(errors.includes(field) ? { validationMessage: t(`health.settings.errors.${field}`) } : {})}>
      <Input
        ref={(element) => {
          inputs.current[field] = element;
        }}
        className={styles.number}
        type="number"
        inputMode="numeric"
        min={1}
        value={form[field]}
        onChange={(_event, data) => change(field, data.value)}
        data-testid={`health-setting-${field}`}
      />
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="health-settings-heading" data-testid="health-settings">
      <div>
        <Text as="h3" block size={500} weight="semibold" id="health-settings-heading" className={styles.heading}>
          {t('health.settings.heading')}
        </Text>
        <Text as="p" block>
          {t('health.settings.intro')}
        </Text>
      </div>
      <Switch checked={form.scheduled} onChange={(_event, data) => change('scheduled', data.checked)} label={t('health.settings.scheduled')} data-testid="health-setting-scheduled" />
      {numberField('intervalHours', t('health.settings.intervalLabel'))}
      <Field hint={t('health.settings.keepAliveHint')}>
        <Switch checked={form.keepAlive} onChange={(_event, data) => change('keepAlive', data.checked)} label={t('health.settings.keepAlive')} data-testid="health-setting-keepAlive" />
      </Field>
      <Field hint={t('health.settings.notifyHint')}>
        <Switch checked={form.notify} onChange={(_event, data) => change('notify', data.checked)} label={t('health.settings.notify')} data-testid="health-setting-notify" />
      </Field>
      {numberField('expiringThresholdDays', t('health.settings.threshold'), t('health.settings.thresholdHint'))}
      <Field hint={t('health.settings.probeHint')}>
        <Switch checked={form.probe} onChange={(_event, data) => change('probe', data.checked)} label={t('health.settings.probe')} data-testid="health-setting-probe" />
      </Field>
      {numberField('probeIntervalHours', t('health.settings.probeInterval'), t('health.settings.probeIntervalHint'))}
      {numberField('keyVaultVersionsKept', t('health.settings.versionsKept'), t('health.settings.versionsKeptHint'))}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={saving ? <Spinner size="extra-tiny" /> : <SaveRegular />} disabled={saving} data-testid="health-settings-save">
          {saving ? t('health.settings.saving') : t('health.settings.save')}
        </Button>
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'saved' && (
          <MessageBar intent="success" data-testid="health-settings-result" data-state="saved">
            <MessageBarBody>{t('health.settings.saved')}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'invalid' && (
          <MessageBar intent="error" data-testid="health-settings-result" data-state="invalid">
            <MessageBarBody>{t('health.settings.invalid')}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'failed' && <ErrorNotice code={outcome.code} />}
      </div>
    </form>
  );
}
