import { useCallback, useEffect, useState } from 'react';

/** Copies text to the clipboard and reports "copied" for a moment, for the Copy buttons. */
export function useCopy(value: string): { readonly copied: boolean; readonly copy: () => void } {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = useCallback(() => {
    void navigator.clipboard.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }, [value]);
  return { copied, copy };
}
