import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfilesStore, type ListedProfile } from '../../store/profiles-store';

/** Confirms deleting a profile and its keychain secrets (Key Vault is left alone, and the dialog says so). */
export function DeleteProfileDialog({ profile, onClose }: { readonly profile: ListedProfile; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useProfilesStore((state) => state.remove);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open && !busy) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('profiles.remove.title', { name: profile.displayName })}</DialogTitle>
          <DialogContent>{t('profiles.remove.body')}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabledFocusable={busy}
              icon={busy ? <Spinner size="tiny" /> : null}
              data-testid="confirm-delete"
              onClick={() => {
                setBusy(true);
                void remove(profile.id).finally(onClose);
              }}
            >
              {t('profiles.remove.confirm')}
            </Button>
            <Button disabled={busy} onClick={onClose}>
              {t('profiles.actions.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
