import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useProfilesStore } from '../../store/profiles-store';

/** Asks before leaving the editor with unsaved changes (another profile, New profile, Cancel). */
export function DiscardChangesDialog() {
  const { t } = useTranslation();
  const pending = useProfilesStore((state) => state.pendingLeave !== null);
  const confirmLeave = useProfilesStore((state) => state.confirmLeave);
  const cancelLeave = useProfilesStore((state) => state.cancelLeave);
  return (
    <Dialog
      open={pending}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) cancelLeave();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('profilesView.discardTitle')}</DialogTitle>
          <DialogContent>{t('profiles.editor.unsavedChanges')}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={cancelLeave}>
              {t('profilesView.keepEditing')}
            </Button>
            <Button onClick={confirmLeave}>{t('profilesView.discard')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
