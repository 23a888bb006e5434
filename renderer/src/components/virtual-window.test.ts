import { describe, expect, it } from 'vitest';
import { computeVirtualWindow, isNavigationKey, nextActiveIndex, renderedIndices, rowsPerViewport, scrollTopToReveal, type VirtualWindowInput } from './virtual-window';

const base: VirtualWindowInput = { scrollTop: 0, viewportHeight: 360, rowHeight: 36, rowCount: 100_000, overscan: 4 };

describe('the rows to render', () => {
  it('covers the viewport plus the overscan below at the top', () => {
    // 10 rows fit; one more for a row cut at the top; 4 of overscan.
    expect(computeVirtualWindow(base)).toEqual({ start: 0, end: 15 });
  });

  it('follows the scroll position, with overscan on both sides', () => {
    expect(computeVirtualWindow({ ...base, scrollTop: 36 * 500 + 10 })).toEqual({ start: 496, end: 515 });
  });

  it('stays small for the largest lists', () => {
    for (const scrollTop of [0, 1234, 36 * 50_000, 36 * 99_990, 36 * 100_000]) {
      const { start, end } = computeVirtualWindow({ ...base, viewportHeight: 1200, scrollTop });
      expect(end - start).toBeLessThan(60);
      expect(end).toBeLessThanOrEqual(100_000);
    }
  });

  it('renders nothing when there are no rows', () => {
    expect(computeVirtualWindow({ ...base, rowCount: 0 })).toEqual({ start: 0, end: 0 });
    expect(computeVirtualWindow({ ...base, rowCount: 0, scrollTop: 5000 })).toEqual({ start: 0, end: 0 });
  });

  it('renders every row of a list shorter than the viewport', () => {
    expect(computeVirtualWindow({ ...base, rowCount: 3 })).toEqual({ start: 0, end: 3 });
  });

  it('shows the last rows when the list shrank under a scroll position past its end', () => {
    expect(computeVirtualWindow({ ...base, rowCount: 50, scrollTop: 36 * 10_000 })).toEqual({ start: 36, end: 50 });
    expect(computeVirtualWindow({ ...base, rowCount: 5, scrollTop: 36 * 10_000 })).toEqual({ start: 0, end: 5 });
  });

  it('shows at least one row in a viewport smaller than a row, or not measured yet', () => {
    expect(computeVirtualWindow({ ...base, viewportHeight: 10, overscan: 0 })).toEqual({ start: 0, end: 2 });
    expect(computeVirtualWindow({ ...base, viewportHeight: 0, overscan: 0, scrollTop: 72 })).toEqual({ start: 2, end: 4 });
    expect(computeVirtualWindow({ ...base, viewportHeight: -5, overscan: 0 })).toEqual({ start: 0, end: 2 });
  });

  it('treats a scroll position that is not a number as the top', () => {
    expect(computeVirtualWindow({ ...base, scrollTop: Number.NaN })).toEqual(computeVirtualWindow(base));
    expect(computeVirtualWindow({ ...base, scrollTop: -100 })).toEqual(computeVirtualWindow(base));
  });

  it('counts the rows that fit a viewport, at least one', () => {
    expect(rowsPerViewport(360, 36)).toBe(10);
    expect(rowsPerViewport(370, 36)).toBe(10);
    expect(rowsPerViewport(10, 36)).toBe(1);
    expect(rowsPerViewport(360, 0)).toBe(1);
  });
});

describe('keeping the active row rendered', () => {
  it('adds an active row scrolled away, in reading order', () => {
    expect(renderedIndices({ start: 10, end: 13 }, 2)).toEqual([2, 10, 11, 12]);
    expect(renderedIndices({ start: 10, end: 13 }, 40)).toEqual([10, 11, 12, 40]);
    expect(renderedIndices({ start: 10, end: 13 }, 11)).toEqual([10, 11, 12]);
    expect(renderedIndices({ start: 10, end: 13 }, null)).toEqual([10, 11, 12]);
    expect(renderedIndices({ start: 0, end: 0 }, null)).toEqual([]);
  });
});

describe('scrolling a row into view', () => {
  const view = { scrollTop: 360, viewportHeight: 360, rowHeight: 36 };

  it('leaves the scroll position alone for a row in view', () => {
    expect(scrollTopToReveal({ ...view, index: 10 })).toBe(360);
    expect(scrollTopToReveal({ ...view, index: 19 })).toBe(360);
  });

  it('scrolls up to put a row above the view at the top', () => {
    expect(scrollTopToReveal({ ...view, index: 9 })).toBe(324);
    expect(scrollTopToReveal({ ...view, index: 0 })).toBe(0);
  });

  it('scrolls down just enough to put a row below the view at the bottom', () => {
    expect(scrollTopToReveal({ ...view, index: 20 })).toBe(396);
    expect(scrollTopToReveal({ ...view, index: 500 })).toBe(500 * 36 + 36 - 360);
  });

  it('reveals a partly hidden row whole', () => {
    expect(scrollTopToReveal({ ...view, scrollTop: 350, index: 9 })).toBe(324);
    expect(scrollTopToReveal({ ...view, scrollTop: 350, index: 19 })).toBe(360);
  });

  it('shows the top of the row in a viewport smaller than a row', () => {
    expect(scrollTopToReveal({ scrollTop: 0, viewportHeight: 20, rowHeight: 36, index: 3 })).toBe(108);
  });
});

describe('moving the active row with the keyboard', () => {
  it('recognizes the navigation keys only', () => {
    expect(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'].every(isNavigationKey)).toBe(true);
    expect(isNavigationKey('Enter')).toBe(false);
    expect(isNavigationKey('ArrowLeft')).toBe(false);
  });

  it('moves by one row, by a page, and to either end, without leaving the rows', () => {
    expect(nextActiveIndex('ArrowDown', 4, 100, 10)).toBe(5);
    expect(nextActiveIndex('ArrowUp', 4, 100, 10)).toBe(3);
    expect(nextActiveIndex('ArrowUp', 0, 100, 10)).toBe(0);
    expect(nextActiveIndex('ArrowDown', 99, 100, 10)).toBe(99);
    expect(nextActiveIndex('PageDown', 4, 100, 10)).toBe(14);
    expect(nextActiveIndex('PageDown', 95, 100, 10)).toBe(99);
    expect(nextActiveIndex('PageUp', 14, 100, 10)).toBe(4);
    expect(nextActiveIndex('PageUp', 5, 100, 10)).toBe(0);
    expect(nextActiveIndex('Home', 50, 100, 10)).toBe(0);
    expect(nextActiveIndex('End', 50, 100, 10)).toBe(99);
  });

  it('starts at the first row (the last for End) when no row is active', () => {
    expect(nextActiveIndex('ArrowDown', null, 100, 10)).toBe(0);
    expect(nextActiveIndex('ArrowUp', null, 100, 10)).toBe(0);
    expect(nextActiveIndex('PageDown', null, 100, 10)).toBe(0);
    expect(nextActiveIndex('End', null, 100, 10)).toBe(99);
  });

  it('moves from the last row when the list shrank under the active row', () => {
    expect(nextActiveIndex('ArrowUp', 500, 10, 10)).toBe(8);
    expect(nextActiveIndex('ArrowDown', 500, 10, 10)).toBe(9);
  });

  it('moves at least one row per page in a tiny viewport, and nowhere without rows', () => {
    expect(nextActiveIndex('PageDown', 3, 100, 0)).toBe(4);
    expect(nextActiveIndex('ArrowDown', 3, 0, 10)).toBeNull();
    expect(nextActiveIndex('End', null, 0, 10)).toBeNull();
  });
});
