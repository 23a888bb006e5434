import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useId, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { VirtualTableProps } from './virtual-table-types';
import { VirtualTableHeader } from './VirtualTableHeader';
import { VirtualTableRow } from './VirtualTableRow';
import { computeVirtualWindow, isNavigationKey, nextActiveIndex, renderedIndices, rowsPerViewport, scrollTopToReveal } from './virtual-window';

export type { VirtualTableColumn, VirtualTableProps, VirtualTableSort, VirtualTableSortDirection } from './virtual-table-types';

/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 4;

const useStyles = makeStyles({
  grid: {
    position: 'relative',
    overflow: 'auto',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // With an active row, that row shows where the focus is.
  focusOnRow: { ':focus-visible': { outlineStyle: 'none' } },
  body: { position: 'relative' },
  empty: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
  },
});

/**
 * A table for very many rows: only the rows in view (and a few beyond) are in the DOM, each placed by its index in a
 * spacer as tall as all rows, so the scrollbar behaves as if every row were there. An ARIA grid: focus stays on the
 * grid, arrow keys move the active row (aria-activedescendant), Enter activates it.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rowCount, rowAt, rowKey, columns, sort, onSortChange, rowHeight, height, label, activeIndex, onActiveIndexChange, emptyText, testId } = props;
  const styles = useStyles();
  const baseId = useId();
  const gridRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const [focused, setFocused] = useState(false);
  const [ownActive, setOwnActive] = useState<number | null>(null);

  const requested = activeIndex === undefined ? ownActive : activeIndex;
  // A list that shrank (a narrower search) keeps an active row: its last one.
  const active = requested === null || rowCount === 0 ? null : Math.min(Math.max(0, requested), rowCount - 1);
  const rowId = (index: number) => `${baseId}-row-${index}`;

  // The rows see the container's height less the sticky header (as tall as a row).
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (grid === null) return;
    const observer = new ResizeObserver(() => setViewportHeight(Math.max(0, grid.clientHeight - rowHeight)));
    observer.observe(grid);
    return () => observer.disconnect();
  }, [rowHeight]);

  // Callbacks handed to the memoized rows keep their identity; they read the latest props through this ref.
  const latest = useRef({ rowAt, onActivate: props.onActivate, onActiveIndexChange, controlled: activeIndex !== undefined });
  useLayoutEffect(() => {
    latest.current = { rowAt, onActivate: props.onActivate, onActiveIndexChange, controlled: activeIndex !== undefined };
  });

  const setActive = useCallback((index: number | null) => {
    if (!latest.current.controlled) setOwnActive(index);
    latest.current.onActiveIndexChange?.(index);
  }, []);

  const activate = useCallback((index: number) => {
    setActive(index);
    latest.current.onActivate?.(latest.current.rowAt(index), index);
  }, [setActive]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed on a control inside the grid (a header's sort button, a row's copy button) are that control's.
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' && active !== null) {
      event.preventDefault();
      activate(active);
      return;
    }
    if (!isNavigationKey(event.key)) return;
    event.preventDefault();
    const next = nextActiveIndex(event.key, active, rowCount, rowsPerViewport(viewportHeight, rowHeight));
    setActive(next);
    if (next === null) return;
    const grid = event.currentTarget;
    const revealed = scrollTopToReveal({ index: next, scrollTop: grid.scrollTop, viewportHeight, rowHeight });
    grid.scrollTop = revealed;
    setScrollTop(revealed);
  };

  const onFocusChange = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget) setFocused(event.type === 'focus');
  };

  const rows = computeVirtualWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan: OVERSCAN });
  const gridTemplateColumns = columns.map((column) => column.width).join(' ');
  const showEmpty = rowCount === 0 && emptyText !== undefined;
  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={label}
      // The header row, the data rows, and the message row that stands in for no rows.
      aria-rowcount={rowCount + 1 + (showEmpty ? 1 : 0)}
      aria-colcount={columns.length}
      aria-activedescendant={active === null ? undefined : rowId(active)}
      tabIndex={0}
      className={mergeClasses(styles.grid, active !== null && styles.focusOnRow)}
      style={{ height }}
      data-testid={testId}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={onFocusChange}
      onBlur={onFocusChange}
    >
      <VirtualTableHeader columns={columns} gridTemplateColumns={gridTemplateColumns} height={rowHeight} sort={sort} onSortChange={onSortChange} testId={testId} />
      <div role="rowgroup" className={styles.body} style={showEmpty ? undefined : { height: rowCount * rowHeight }}>
        {showEmpty ? (
          <div role="row" aria-rowindex={2} data-testid={`${testId}-empty`}>
            <div role="gridcell" className={styles.empty}>
              {emptyText}
            </div>
          </div>
        ) : null}
        {renderedIndices(rows, active).map((index) => {
          const row = rowAt(index);
          return (
            <VirtualTableRow
              // Keyed by position, not by row: a new search fills the same row elements with other rows instead of
              // unmounting and mounting every visible row (and the buttons in it), which a keystroke cannot afford.
              key={index}
              rowKey={rowKey(row)}
              row={row}
              index={index}
              id={rowId(index)}
              columns={columns}
              gridTemplateColumns={gridTemplateColumns}
              height={rowHeight}
              active={index === active}
              focused={focused && index === active}
              testId={testId}
              onSelect={setActive}
              onActivate={activate}
            />
          );
        })}
      </div>
    </div>
  );
}
