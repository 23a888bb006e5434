import { Button, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useCopy } from './use-copy';
import { useTranslation } from 'react-i18next';

/** Copies a value to the clipboard; the label names what is copied, for screen readers. */
export function CopyButton({ value, name }: { readonly value: string; readonly name: string }) {
  const { t } = useTranslation();
  const { copied, copy } = useCopy(value);
  const label = copied ? t('inspect.copied') : t('inspect.copyNamed', { name });
  return (
    <Tooltip content={label} relationship="label">
      <Button
        appearance="subtle"
        size="small"
        icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
        onClick={copy}
      />
    </Tooltip>
  );
}
