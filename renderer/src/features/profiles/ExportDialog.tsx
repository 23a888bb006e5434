import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, MessageBar, MessageBarBody, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type IpcErrorCode } from '../../../../shared/ipc/errors';
import { samDesk } from '../../bridge/install-bridge';
import { CopyTextButton } from '../../components/CopyTextButton';
import { ErrorNotice } from '../../components/ErrorNotice';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type ExportState = { readonly phase: 'working' } | { readonly phase: 'done'; readonly json: string } | { readonly phase: 'error'; readonly code: IpcErrorCode };

/** The export (all profiles, or the ids given) as JSON to copy: it never contains a secret. */
export function ExportDialog({ ids, onClose }: { readonly ids?: readonly string[]; readonly onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [state, setState] = useState<ExportState>({ phase: 'working' });
  const idList = ids?.join(',');

  useEffect(() => {
    let current = true;
    const request = idList === undefined ? {} : { ids: idList.split(',') };
    samDesk()
      .profiles.export(request)
      .then(({ json }) => current && setState({ phase: 'done', json }))
      .catch((error: unknown) => current && setState({ phase: 'error', code: errorCodeOf(error) }));
    return () => {
      current = false;
    };
  }, [idList]);

  return (
    <Dialog
      open
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('profilesView.exportTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <MessageBar intent="info">
              <MessageBarBody>{t('profiles.exportNotice')}</MessageBarBody>
            </MessageBar>
            {state.phase === 'working' && <Spinner size="small" />}
            {state.phase === 'error' && <ErrorNotice code={state.code} />}
            {state.phase === 'done' && (
              <Field label={t('profilesView.exportLabel')}>
                <Textarea readOnly value={state.json} rows={14} resize="vertical" textarea={{ className: styles.json, spellCheck: false }} data-testid="export-json" />
              </Field>
            )}
          </DialogContent>
          <DialogActions>
            {state.phase === 'done' && <CopyTextButton value={state.json} label={t('profilesView.copyExport')} copiedLabel={t('inspect.copied')} testId="copy-export" />}
            <Button appearance="primary" onClick={onClose}>
              {t('profiles.actions.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
