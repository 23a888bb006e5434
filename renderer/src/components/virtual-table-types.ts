import type { ReactNode } from 'react';

export type VirtualTableSortDirection = 'ascending' | 'descending';

/** The sorted column, by its id. */
export interface VirtualTableSort {
  readonly columnId: string;
  readonly direction: VirtualTableSortDirection;
}

export interface VirtualTableColumn<T> {
  readonly id: string;
  /** The visible header text, which is also the column header's accessible name. */
  readonly header: string;
  /**
   * The column's CSS grid track, e.g. "minmax(0, 2fr)" or "12rem". Tracks that can shrink (minmax(0, …)) keep the
   * table within its container; cells cut overflowing text with an ellipsis.
   */
  readonly width: string;
  readonly render: (row: T) => ReactNode;
  /** A sortable column's header is a button that asks for this column's sort (onSortChange). */
  readonly sortable?: boolean;
}

export interface VirtualTableProps<T> {
  readonly rowCount: number;
  /** The row at an index, 0 ≤ index < rowCount; called only for the rows on screen. */
  readonly rowAt: (index: number) => T;
  /** A row's identity, written as data-row-key (tests and tools find a row by it). */
  readonly rowKey: (row: T) => string;
  /** Keep the array's identity between renders (useMemo): rows re-render when it changes. */
  readonly columns: readonly VirtualTableColumn<T>[];
  readonly sort?: VirtualTableSort;
  readonly onSortChange?: (sort: VirtualTableSort) => void;
  /** Every row's height in pixels; the header has the same height. */
  readonly rowHeight: number;
  /** The table's height as CSS (e.g. "60vh", "100%"); the rows scroll inside it. */
  readonly height: string;
  /** The grid's accessible name. */
  readonly label: string;
  /** Enter or a double-click on a row (opening a customer's users, say). */
  readonly onActivate?: (row: T, index: number) => void;
  /** The active row, when the parent controls it (null: none); otherwise the table keeps its own. */
  readonly activeIndex?: number | null;
  readonly onActiveIndexChange?: (index: number | null) => void;
  /** Shown in place of the rows when there are none ("No customers match"). */
  readonly emptyText?: ReactNode;
  readonly testId: string;
}
