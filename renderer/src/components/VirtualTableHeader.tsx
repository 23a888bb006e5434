import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import type { VirtualTableColumn, VirtualTableSort } from './virtual-table-types';

const useStyles = makeStyles({
  row: {
    position: 'sticky',
    top: 0,
    // Above the absolutely positioned data rows that scroll beneath it.
    zIndex: 1,
    display: 'grid',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    paddingInline: tokens.spacingHorizontalM,
  },
  sortButton: {
    minWidth: 0,
    maxWidth: '100%',
    justifyContent: 'flex-start',
    // The button's own padding would push its text off the column's text edge.
    marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

function nextSort(current: VirtualTableSort | undefined, columnId: string): VirtualTableSort {
  if (current?.columnId === columnId) return { columnId, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { columnId, direction: 'ascending' };
}

export interface VirtualTableHeaderProps<T> {
  readonly columns: readonly VirtualTableColumn<T>[];
  readonly gridTemplateColumns: string;
  readonly height: number;
  readonly sort: VirtualTableSort | undefined;
  readonly onSortChange: ((sort: VirtualTableSort) => void) | undefined;
  readonly testId: string;
}

/** The header row: column names, and for sortable columns a button that sorts by it (again: the other way). */
export function VirtualTableHeader<T>({ columns, gridTemplateColumns, height, sort, onSortChange, testId }: VirtualTableHeaderProps<T>) {
  const styles = useStyles();
  return (
    <div role="row" aria-rowindex={1} className={styles.row} style={{ gridTemplateColumns, height }} data-testid={`${testId}-header`}>
      {columns.map((column) => {
        const sortable = column.sortable === true && onSortChange !== undefined;
        const direction = sort?.columnId === column.id ? sort.direction : undefined;
        return (
          <div key={column.id} role="columnheader" aria-sort={sortable ? (direction ?? 'none') : undefined} className={styles.cell} data-column={column.id}>
            {sortable ? (
              <Button
                appearance="subtle"
                size="small"
                className={styles.sortButton}
                icon={direction === 'ascending' ? <ArrowSortUpRegular /> : direction === 'descending' ? <ArrowSortDownRegular /> : null}
                iconPosition="after"
                onClick={() => onSortChange(nextSort(sort, column.id))}
              >
                {column.header}
              </Button>
            ) : (
              column.header
            )}
          </div>
        );
      })}
    </div>
  );
}
