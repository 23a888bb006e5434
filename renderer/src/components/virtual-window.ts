/**
 * The arithmetic of a virtualized list with rows of one fixed height: which rows to render for a scroll position,
 * where to scroll to bring a row into view, and where the keyboard moves the active row. Pure, so the edges
 * (no rows, a list that shrank under its scroll position, a viewport smaller than a row) are unit-tested.
 */

export interface VirtualWindowInput {
  /** How far the rows are scrolled, in pixels (the scroll container's scrollTop). */
  readonly scrollTop: number;
  /** The height the rows can be seen in, in pixels (the container's client height minus any sticky header). */
  readonly viewportHeight: number;
  readonly rowHeight: number;
  readonly rowCount: number;
  /** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blank space first. */
  readonly overscan: number;
}

/** The rows to render: from `start` (included) to `end` (excluded). */
export interface VirtualWindow {
  readonly start: number;
  readonly end: number;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

/** Rows that fit in the viewport (at least one, so a viewport smaller than a row still shows something). */
export function rowsPerViewport(viewportHeight: number, rowHeight: number): number {
  if (rowHeight <= 0) return 1;
  return Math.max(1, Math.floor(Math.max(0, finiteOr(viewportHeight, 0)) / rowHeight));
}

export function computeVirtualWindow(input: VirtualWindowInput): VirtualWindow {
  const { rowCount, rowHeight } = input;
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const overscan = Math.max(0, Math.floor(finiteOr(input.overscan, 0)));
  const visible = Math.max(1, Math.ceil(Math.max(0, finiteOr(input.viewportHeight, 0)) / rowHeight));
  // After the rows shrink (a narrower search), the scroll position may lie past the end until the browser clamps it:
  // show the last rows rather than nothing.
  const lastFirstVisible = Math.max(0, rowCount - visible);
  const firstVisible = Math.min(Math.max(0, Math.floor(finiteOr(input.scrollTop, 0) / rowHeight)), lastFirstVisible);
  // One more than fits: a row cut at the top leaves room for part of another at the bottom.
  const end = Math.min(rowCount, firstVisible + visible + 1 + overscan);
  return { start: Math.max(0, firstVisible - overscan), end };
}

export interface RevealInput {
  readonly index: number;
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly rowHeight: number;
}

/** The scroll position that shows the whole row at `index` with the least movement (unchanged when it is in view). */
export function scrollTopToReveal({ index, scrollTop, viewportHeight, rowHeight }: RevealInput): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  // A viewport smaller than a row shows the row's top, where its text starts.
  if (top < scrollTop || viewportHeight <= rowHeight) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}

export type NavigationKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

const navigationKeys: ReadonlySet<string> = new Set<NavigationKey>(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

export function isNavigationKey(key: string): key is NavigationKey {
  return navigationKeys.has(key);
}

/**
 * The row a navigation key makes active. With no active row yet, any key but End starts at the first row; an index
 * left over from a longer list counts as the last row. No rows: no active row.
 */
export function nextActiveIndex(key: NavigationKey, current: number | null, rowCount: number, pageRows: number): number | null {
  if (rowCount <= 0) return null;
  const last = rowCount - 1;
  if (current === null) return key === 'End' ? last : 0;
  const from = Math.min(Math.max(0, current), last);
  const page = Math.max(1, pageRows);
  switch (key) {
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'ArrowDown':
      return Math.min(last, from + 1);
    case 'PageUp':
      return Math.max(0, from - page);
    case 'PageDown':
      return Math.min(last, from + page);
    case 'Home':
      return 0;
    case 'End':
      return last;
  }
}

/**
 * The row indices to render: the window, plus the active row when it is scrolled away (it must stay in the DOM for
 * aria-activedescendant to point at it). Ascending, so the DOM order is the reading order.
 */
export function renderedIndices(rows: VirtualWindow, active: number | null): number[] {
  const indices: number[] = [];
  if (active !== null && active < rows.start) indices.push(active);
  for (let index = rows.start; index < rows.end; index += 1) indices.push(index);
  if (active !== null && active >= rows.end) indices.push(active);
  return indices;
}
