import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useRef, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isGuid } from '../../../../shared/profiles/profile';
import { useProfilesStore } from '../../store/profiles-store';
import { CloudFields } from './editor/CloudFields';
import { CredentialFields } from './editor/CredentialFields';
import { IdentityFields } from './editor/IdentityFields';
import { RedirectPortField } from './editor/RedirectPortField';
import { StorageFields } from './editor/StorageFields';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { margin: 0, wordBreak: 'break-word' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** Creates or edits a profile. Checked with the profile schema before sending; main's answer is shown the same way. */
export function ProfileEditor() {
  const styles = useStyles();
  const { t } = useTranslation();
  const editor = useProfilesStore((state) => state.editor);
  const save = useProfilesStore((state) => state.save);
  const closeEditor = useProfilesStore((state) => state.closeEditor);
  const form = useRef<HTMLFormElement>(null);
  // Opening the editor puts the cursor in its first field.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  if (!editor) return null;
  const { errors, saving } = editor;
  const hasErrors = Object.values(errors).some((messages) => messages.length > 0);
  const formMessages = errors.form ?? [];

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void save();
  };

  return (
    <form ref={form} className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="editor-heading" data-testid="profile-editor" aria-busy={saving}>
      <Text as="h3" block id="editor-heading" size={500} weight="semibold" className={styles.heading}>
        {editor.mode === 'new' ? t('profiles.editor.newHeading') : t('profiles.editor.editHeading', { name: editor.initial.displayName })}
      </Text>
      {hasErrors && (
        <MessageBar intent="error" role="alert" data-testid="editor-errors">
          <MessageBarBody>
            {t('profiles.editor.fixErrors')}
            {formMessages.map((message) => (
              <span key={message.messageKey} style={{ display: 'block' }}>
                {t(message.messageKey, message.values ?? {})}
              </span>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <IdentityFields />
      <CredentialFields />
      <StorageFields />
      <RedirectPortField />
      <CloudFields />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabledFocusable={saving} data-testid="save-profile">
          {t('profiles.actions.save')}
        </Button>
        <Button type="button" onClick={closeEditor} disabled={saving}>
          {t('profiles.actions.cancel')}
        </Button>
        {saving && <Spinner size="tiny" label={isGuid(editor.form.tenant.trim()) ? t('profiles.editor.saving') : t('profiles.editor.lookingUpTenant')} />}
      </div>
    </form>
  );
}
