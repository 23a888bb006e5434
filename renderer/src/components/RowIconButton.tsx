import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';

const useStyles = makeStyles({
  button: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '28px',
    height: '28px',
    padding: 0,
    flexShrink: 0,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    fontSize: '16px',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground2BrandHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * An icon button inside a virtualized table row: a plain <button> dressed in Fluent's tokens, named by aria-label
 * and title. A table shows one or two per visible row and refills them on every keystroke of a search, where
 * Fluent's Button (slots, motion, tabster) costs more than the frame budget allows.
 */
export function RowIconButton({ icon, label, onClick, className }: { readonly icon: ReactElement; readonly label: string; readonly onClick: () => void; readonly className?: string }) {
  const styles = useStyles();
  return (
    <button type="button" className={mergeClasses(styles.button, className)} aria-label={label} title={label} onClick={onClick}>
      {icon}
    </button>
  );
}
