import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { RowIconButton } from './RowIconButton';
import { useCopy } from './use-copy';

/** The Copy button of a table cell: the same action as CopyButton, light enough for every visible row. */
export function CellCopyButton({ value, name }: { readonly value: string; readonly name: string }) {
  const { t } = useTranslation();
  const { copied, copy } = useCopy(value);
  return <RowIconButton icon={copied ? <CheckmarkRegular /> : <CopyRegular />} label={copied ? t('inspect.copied') : t('inspect.copyNamed', { name })} onClick={copy} />;
}
