import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, type MouseEvent } from 'react';
import type { VirtualTableColumn } from './virtual-table-types';

const useStyles = makeStyles({
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    display: 'grid',
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  // Focus stays on the grid (aria-activedescendant), so the active row draws the focus indicator itself, inside its
  // box because neighbouring rows touch it.
  focused: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  cell: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    overflow: 'hidden',
    paddingInline: tokens.spacingHorizontalM,
  },
  content: {
    minWidth: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
});

/** Double-clicks on a control inside a row (a copy button) belong to that control, not to the row. */
const INTERACTIVE = 'button, a, input, select, textarea, [role="button"], [role="link"]';

export interface VirtualTableRowProps<T> {
  readonly row: T;
  readonly rowKey: string;
  readonly index: number;
  readonly id: string;
  readonly columns: readonly VirtualTableColumn<T>[];
  readonly gridTemplateColumns: string;
  readonly height: number;
  readonly active: boolean;
  /** The grid has focus and this row is active: draw the focus indicator. */
  readonly focused: boolean;
  readonly testId: string;
  readonly onSelect: (index: number) => void;
  readonly onActivate: (index: number) => void;
}

function VirtualTableRowView<T>({ row, rowKey, index, id, columns, gridTemplateColumns, height, active, focused, testId, onSelect, onActivate }: VirtualTableRowProps<T>) {
  const styles = useStyles();
  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest(INTERACTIVE) !== null) return;
    onActivate(index);
  };
  return (
    <div
      role="row"
      id={id}
      aria-rowindex={index + 2}
      aria-selected={active}
      className={mergeClasses(styles.row, active && styles.active, focused && styles.focused)}
      style={{ gridTemplateColumns, height, transform: `translateY(${index * height}px)` }}
      data-testid={`${testId}-row`}
      data-row-index={index}
      data-row-key={rowKey}
      // No preventDefault or stopPropagation: controls inside the row get their clicks as usual.
      onClick={() => onSelect(index)}
      onDoubleClick={onDoubleClick}
    >
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className={styles.cell} data-column={column.id}>
          <span className={styles.content}>{column.render(row)}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * One data row. Memoized: scrolling re-renders the table, but a row only when its data, position or state changes
 * (so columns and callbacks must keep their identity between renders).
 */
export const VirtualTableRow = memo(VirtualTableRowView) as typeof VirtualTableRowView;
