import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResponse } from '../../../../shared/ipc/contract';
import { errorCodeOf, type IpcErrorCode } from '../../../../shared/ipc/errors';
import { samDesk } from '../../bridge/install-bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useProfilesStore } from '../../store/profiles-store';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  entries: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  entry: { display: 'grid', gap: tokens.spacingVerticalXXS },
  messages: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  hidden: { display: 'none' },
});

/** The contract's limits for one import (profile-service: 1000 profiles, 5 MB). */
const MAX_IMPORT_CHARACTERS = 5_000_000;
const MAX_IMPORT_PROFILES = 1_000;

type ImportResponse = MethodResponse<'profiles.import'>;
type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'working' }
  | { readonly phase: 'done'; readonly result: ImportResponse }
  | { readonly phase: 'problem'; readonly messageKey: string; readonly values?: Readonly<Record<string, string | number>> }
  | { readonly phase: 'error'; readonly code: IpcErrorCode };

/** Imports profiles from pasted JSON or a chosen export file, then reports what happened to each entry. */
export function ImportDialog({ onClose }: { readonly onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const load = useProfilesStore((state) => state.load);
  const [json, setJson] = useState('');
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const readFile = (file: File): void => {
    if (file.size > MAX_IMPORT_CHARACTERS) {
      setState({ phase: 'problem', messageKey: 'profiles.errors.importTooLarge', values: { max: MAX_IMPORT_PROFILES, megabytes: 5 } });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setJson(typeof reader.result === 'string' ? reader.result : '');
      setState({ phase: 'idle' });
    };
    reader.onerror = () => setState({ phase: 'problem', messageKey: 'profilesView.importFileUnreadable' });
    reader.readAsText(file);
  };

  const run = async (): Promise<void> => {
    if (json.trim() === '') {
      setState({ phase: 'problem', messageKey: 'profilesView.importEmpty' });
      return;
    }
    if (json.length > MAX_IMPORT_CHARACTERS) {
      setState({ phase: 'problem', messageKey: 'profiles.errors.importTooLarge', values: { max: MAX_IMPORT_PROFILES, megabytes: 5 } });
      return;
    }
    setState({ phase: 'working' });
    try {
      const result = await samDesk().profiles.import({ json });
      setState({ phase: 'done', result });
      if (result.ok && result.imported > 0) await load();
    } catch (error) {
      setState({ phase: 'error', code: errorCodeOf(error) });
    }
  };

  return (
    <Dialog
      open
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('profilesView.importTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label={t('profilesView.importLabel')} hint={t('profilesView.importHint')}>
              <Textarea
                value={json}
                onChange={(_event, data) => setJson(data.value)}
                rows={10}
                resize="vertical"
                textarea={{ className: styles.json, spellCheck: false }}
                data-testid="import-json"
              />
            </Field>
            <div className={styles.row}>
              <input
                ref={fileInput}
                type="file"
                accept=".json,application/json"
                className={styles.hidden}
                tabIndex={-1}
                aria-hidden
                data-testid="import-file"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) readFile(file);
                  event.target.value = '';
                }}
              />
              <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()} aria-label={`${t('profiles.actions.browse')} ${t('profilesView.importFileLabel')}`}>
                {t('profiles.actions.browse')}
              </Button>
            </div>
            <div aria-live="polite" data-testid="import-result">
              {state.phase === 'working' && <Spinner size="tiny" label={t('profilesView.importing')} />}
              {state.phase === 'problem' && (
                <MessageBar intent="warning">
                  <MessageBarBody>{t(state.messageKey, state.values ?? {})}</MessageBarBody>
                </MessageBar>
              )}
              {state.phase === 'error' && <ErrorNotice code={state.code} />}
              {state.phase === 'done' && <ImportResult result={state.result} />}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={state.phase === 'working'} onClick={() => void run()} data-testid="run-import">
              {t('profilesView.importRun')}
            </Button>
            <Button onClick={onClose}>{t('profiles.actions.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ImportResult({ result }: { readonly result: ImportResponse }) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (!result.ok) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t(result.messageKey, result.values)}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.content}>
      <MessageBar intent={result.rejected > 0 ? 'warning' : 'success'}>
        <MessageBarBody>{t('profiles.import.summary', { imported: result.imported, rejected: result.rejected })}</MessageBarBody>
      </MessageBar>
      <ul className={styles.entries}>
        {result.entries.map((entry) => {
          const number = entry.index + 1;
          const name = entry.status === 'imported' ? entry.profile.displayName : entry.displayName;
          const messages = entry.status === 'imported' ? entry.notices : entry.errors;
          return (
            <li key={entry.index} className={styles.entry} data-testid="import-entry" data-status={entry.status}>
              <span className={styles.row}>
                <Text weight="semibold">{name ? t('profiles.import.entry', { number, name }) : t('profiles.import.unnamed', { number })}</Text>
                <Badge appearance="tint" color={entry.status === 'imported' ? 'success' : 'danger'}>
                  {t(`profiles.import.${entry.status}`)}
                </Badge>
              </span>
              {messages.length > 0 && (
                <ul className={styles.messages}>
                  {messages.map((message) => (
                    <li key={`${message.field}:${message.messageKey}`}>
                      <Text size={200}>{t(message.messageKey, message.values ?? {})}</Text>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
