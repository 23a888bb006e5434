import { useEffect, useRef } from 'react';

const RECHECK_MS = 400;

/** True when focus fell back to the page itself: the focused element was removed or hidden. */
function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * When `key` changes (a consent starts or ends, another profile opens) and the control that had focus is gone,
 * puts focus on `target`, so keyboard and screen-reader users are not left at the top of the page. Focus that is
 * still somewhere useful is never moved. `onMount` also checks when the component appears. Pass a stable `target`.
 */
export function useRescueFocus(key: unknown, target: () => HTMLElement | null | undefined, { onMount = false } = {}): void {
  /** The key last dealt with; null until the first check is done. */
  const handled = useRef<{ readonly key: unknown } | null>(null);
  useEffect(() => {
    const previous = handled.current;
    if (previous === null && !onMount) {
      handled.current = { key };
      return;
    }
    if (previous !== null && previous.key === key) return;
    const rescue = (): void => {
      handled.current = { key };
      if (focusLost()) target()?.focus();
    };
    if (focusLost()) {
      rescue();
      return;
    }
    // A closing dialog still holds focus for a moment, then hands it back to a control that may be gone.
    const timer = setTimeout(rescue, RECHECK_MS);
    return () => clearTimeout(timer);
  }, [key, target, onMount]);
}
