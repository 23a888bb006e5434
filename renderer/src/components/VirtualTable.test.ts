import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VirtualTable, type VirtualTableColumn, type VirtualTableProps } from './VirtualTable';

/**
 * The grid's structure as assistive technology reads it, from the server-rendered markup (the unit tests run in Node
 * without a DOM; scrolling and keys are covered by the window arithmetic's tests and the end-to-end specs).
 */

interface Person {
  readonly id: string;
  readonly name: string;
}

const columns: readonly VirtualTableColumn<Person>[] = [
  { id: 'name', header: 'Name', width: 'minmax(0, 2fr)', sortable: true, render: (row) => row.name },
  { id: 'id', header: 'Id', width: 'minmax(0, 1fr)', sortable: true, render: (row) => createElement('button', { type: 'button' }, `copy ${row.id}`) },
  { id: 'note', header: 'Note', width: '6rem', render: () => 'note' },
];

function render(overrides: Partial<VirtualTableProps<Person>> = {}, { sortable = true } = {}): string {
  const props: VirtualTableProps<Person> = {
    rowCount: 100_000,
    rowAt: (index) => ({ id: `p${index}`, name: `Person ${index}` }),
    rowKey: (row) => row.id,
    columns,
    sort: { columnId: 'name', direction: 'ascending' },
    ...(sortable ? { onSortChange: () => undefined } : {}),
    rowHeight: 36,
    height: '400px',
    label: 'People',
    testId: 'people',
    ...overrides,
  };
  return renderToStaticMarkup(createElement(VirtualTable<Person>, props));
}

/** The opening tags with a given attribute value, e.g. all role="row" elements. */
function tagsWith(html: string, attribute: string): string[] {
  return html.match(new RegExp(`<[a-z]+[^>]*${attribute}[^>]*>`, 'g')) ?? [];
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

describe('the virtual table as a grid', () => {
  it('names the grid, counts every row including the header, and takes focus', () => {
    const [grid] = tagsWith(render(), 'role="grid"');
    expect(grid).toBeDefined();
    expect(attribute(grid ?? '', 'aria-label')).toBe('People');
    expect(attribute(grid ?? '', 'aria-rowcount')).toBe('100001');
    expect(attribute(grid ?? '', 'tabindex')).toBe('0');
    expect(attribute(grid ?? '', 'data-testid')).toBe('people');
  });

  it('puts the header in row 1, with the sort state on sortable column headers and a button to sort', () => {
    const html = render({ rowCount: 0, sort: { columnId: 'id', direction: 'descending' } });
    const headerRow = tagsWith(html, 'role="row"')[0] ?? '';
    expect(attribute(headerRow, 'aria-rowindex')).toBe('1');
    const headers = tagsWith(html, 'role="columnheader"');
    expect(headers.map((tag) => attribute(tag, 'aria-sort'))).toEqual(['none', 'descending', undefined]);
    expect(html.match(/<button/g)).toHaveLength(2);
  });

  it('renders only a window of rows out of 100,000, each with its position, test id and cells', () => {
    const html = render();
    const rows = tagsWith(html, 'data-testid="people-row"');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    rows.forEach((tag, position) => {
      expect(attribute(tag, 'role')).toBe('row');
      expect(attribute(tag, 'data-row-index')).toBe(String(position));
      expect(attribute(tag, 'aria-rowindex')).toBe(String(position + 2));
      expect(attribute(tag, 'aria-selected')).toBe('false');
    });
    expect(tagsWith(html, 'role="gridcell"').length).toBe(rows.length * columns.length);
  });

  it('keeps the active row rendered and points aria-activedescendant at it, even when scrolled away', () => {
    const html = render({ activeIndex: 50_000 });
    const [grid] = tagsWith(html, 'role="grid"');
    const active = tagsWith(html, 'aria-selected="true"');
    expect(active).toHaveLength(1);
    expect(attribute(active[0] ?? '', 'data-row-index')).toBe('50000');
    expect(attribute(grid ?? '', 'aria-activedescendant')).toBe(attribute(active[0] ?? '', 'id'));
  });

  it('treats an active index past the end of a shrunken list as its last row', () => {
    const html = render({ rowCount: 3, activeIndex: 10 });
    expect(tagsWith(html, 'data-testid="people-row"')).toHaveLength(3);
    expect(attribute(tagsWith(html, 'aria-selected="true"')[0] ?? '', 'data-row-index')).toBe('2');
  });

  it('has no active row until one is chosen, and none without rows', () => {
    expect(attribute(tagsWith(render(), 'role="grid"')[0] ?? '', 'aria-activedescendant')).toBeUndefined();
    expect(attribute(tagsWith(render({ rowCount: 0, activeIndex: 0 }), 'role="grid"')[0] ?? '', 'aria-activedescendant')).toBeUndefined();
  });

  it('shows the empty text as a row of its own when there are no rows', () => {
    const html = render({ rowCount: 0, emptyText: 'No people match' });
    expect(tagsWith(html, 'data-testid="people-row"')).toHaveLength(0);
    const [empty] = tagsWith(html, 'data-testid="people-empty"');
    expect(attribute(empty ?? '', 'role')).toBe('row');
    expect(attribute(empty ?? '', 'aria-rowindex')).toBe('2');
    expect(attribute(tagsWith(html, 'role="grid"')[0] ?? '', 'aria-rowcount')).toBe('2');
    expect(html).toContain('No people match');
  });

  it('has plain column headers, without sort buttons or sort state, when sorting is not offered', () => {
    const html = render({ rowCount: 0 }, { sortable: false });
    expect(html).not.toContain('<button');
    expect(tagsWith(html, 'role="columnheader"').map((tag) => attribute(tag, 'aria-sort'))).toEqual([undefined, undefined, undefined]);
  });

  it('renders cell content as given, controls included', () => {
    const html = render({ rowCount: 1 });
    expect(html).toContain('Person 0');
    expect(html).toContain('<button type="button">copy p0</button>');
  });
});
