import { Button } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useCopy } from './use-copy';

/** A Copy button with visible text (for a value too long to show whole), confirming the copy for a moment. */
export function CopyTextButton({ value, label, copiedLabel, testId }: { readonly value: string; readonly label: string; readonly copiedLabel: string; readonly testId?: string }) {
  const { copied, copy } = useCopy(value);
  return (
    <Button
      icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
      data-testid={testId}
      aria-live="polite"
      onClick={copy}
    >
      {copied ? copiedLabel : label}
    </Button>
  );
}
