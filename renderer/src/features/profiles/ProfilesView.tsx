import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, Toolbar, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, ArrowUploadRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useProfilesStore } from '../../store/profiles-store';
import { DamagedFileWarning } from './DamagedFileWarning';
import { DiscardChangesDialog } from './DiscardChangesDialog';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { ProfileDetails } from './ProfileDetails';
import { ProfileEditor } from './ProfileEditor';
import { ProfileList } from './ProfileList';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 300px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

/** Connection profiles: the list on the left; the selected profile's details, or the editor, on the right. */
export function ProfilesView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const load = useProfilesStore((state) => state.load);
  const loaded = useProfilesStore((state) => state.loaded);
  const profiles = useProfilesStore((state) => state.profiles);
  const error = useProfilesStore((state) => state.error);
  const notice = useProfilesStore((state) => state.notice);
  const dismissNotice = useProfilesStore((state) => state.dismissNotice);
  const editor = useProfilesStore((state) => state.editor);
  const selected = useProfilesStore((state) => state.profiles.find((profile) => profile.id === state.selectedId) ?? null);
  const openNew = useProfilesStore((state) => state.openNew);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  // Every visit reads the list again: the CLI or another window may have changed the profiles.
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className={styles.stack}>
      <div>
        <Text as="h2" block size={600} weight="semibold" className={styles.heading}>
          {t('profiles.list.heading')}
        </Text>
        <Text as="p" block>
          {t('profilesView.intro')}
        </Text>
      </div>
      <Toolbar aria-label={t('profilesView.toolbarLabel')}>
        <Button appearance="primary" icon={<AddRegular />} onClick={openNew} data-testid="new-profile">
          {t('profiles.actions.new')}
        </Button>
        <Button icon={<ArrowUploadRegular />} onClick={() => setImporting(true)} data-testid="import-profiles">
          {t('profiles.actions.import')}
        </Button>
        <Button icon={<ArrowDownloadRegular />} onClick={() => setExporting(true)} disabled={profiles.length === 0} data-testid="export-profiles">
          {t('profiles.actions.export')}
        </Button>
      </Toolbar>
      <DamagedFileWarning />
      {error && <ErrorNotice code={error} />}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="profiles-notice">
          <MessageBarBody>{t(notice.messageKey, notice.values ?? {})}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t('profiles.actions.close')} onClick={dismissNotice} />} />
        </MessageBar>
      )}
      {!loaded ? (
        <Spinner size="small" label={t('profilesView.loading')} />
      ) : (
        <div className={styles.layout}>
          <ProfileList />
          <div>
            {editor ? (
              <ProfileEditor key={editor.id ?? 'new'} />
            ) : selected ? (
              <ProfileDetails profile={selected} />
            ) : (
              <Text as="p" block>
                {profiles.length === 0 ? t('profiles.list.empty') : t('profilesView.selectHint')}
              </Text>
            )}
          </div>
        </div>
      )}
      <DiscardChangesDialog />
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </div>
  );
}
