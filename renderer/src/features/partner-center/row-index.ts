import { narrowsSearch, normalizeForSearch, sameSearch, searchTerms } from './search-text';
import { SortedOrder, type SortDirection } from './sorted-order';

/**
 * A searchable, sortable index over table rows (customers, users) that grows page by page while a sync streams in.
 *
 * Built for tens of thousands of rows and a query per keystroke:
 * - each row's searched fields are normalized once, on append, into one haystack string, so a query is a single pass
 *   of `includes` over those strings;
 * - while someone types, a query whose words extend the previous query's words filters the previous matches only;
 * - a field's sorted order is computed once and kept while rows are appended (new pages are merged in), so changing
 *   the search text never sorts, and descending reads the ascending order backwards.
 */

export type { SortDirection } from './sorted-order';

/** A field of the row type that can be searched or sorted on. */
export type RowField<T> = keyof T & string;

export interface RowSort<T> {
  readonly field: RowField<T>;
  readonly direction: SortDirection;
}

export interface RowQuery<T> {
  /** What the person typed. Words separated by spaces must all be found, each in any searched field. */
  readonly text: string;
  /**
   * Keeps only the rows it accepts (a relationship filter, active or deleted users). Pass the same function object
   * from one keystroke to the next (memoize it) so that typing can narrow the previous result.
   */
  readonly predicate?: (row: T) => boolean;
  /** Without a sort, matches come in the order the rows were appended. */
  readonly sort?: RowSort<T>;
}

/** The rows a query matched, in result order. */
export interface RowView<T> {
  readonly length: number;
  /** The row at a position of the result (0 ≤ position < length). */
  rowAt(position: number): T;
  /** For each position of the result, the index of its row in the RowIndex. */
  readonly indices: readonly number[];
}

export interface RowIndexOptions<T> {
  /** The fields a search looks in. */
  readonly fields: readonly RowField<T>[];
  /**
   * How a field reads as text, for search and sort. Defaults to the value itself: strings as they are, numbers and
   * booleans through String(), anything else (null, undefined) as empty text.
   */
  readonly fieldText?: (row: T, field: RowField<T>) => string;
  /** The locale whose collation orders sorted rows; defaults to the runtime's (the window's language). */
  readonly locale?: string;
}

/**
 * Separates the fields inside a haystack. It is whitespace, and search words never contain whitespace, so a word
 * can never match across the end of one field and the start of the next.
 */
const FIELD_SEPARATOR = '\n';

function defaultFieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

type Predicate<T> = ((row: T) => boolean) | undefined;

/** The last search's matches, which the next search may narrow. */
interface LastFilter<T> {
  readonly terms: readonly string[];
  readonly predicate: Predicate<T>;
  /** Indices of the matching rows, ascending. */
  readonly matches: readonly number[];
  /** Rows from this index on were appended after the search ran and have not been looked at. */
  readonly scannedTo: number;
}

/** The last answer, returned again while nothing it depends on has changed (React renders twice, or more). */
interface LastView<T> {
  readonly version: number;
  readonly terms: readonly string[];
  readonly predicate: Predicate<T>;
  readonly sort: RowSort<T> | undefined;
  readonly view: RowView<T>;
}

export class RowIndex<T> {
  private rows: T[] = [];
  private haystacks: string[] = [];
  private currentVersion = 0;
  private lastFilter: LastFilter<T> | null = null;
  private lastView: LastView<T> | null = null;
  /** Marks which rows a filter matched, reused by every query (see inSortOrder). */
  private marks = new Uint8Array(0);
  private readonly sortedOrders = new Map<RowField<T>, SortedOrder>();
  private readonly fields: readonly RowField<T>[];
  private readonly fieldText: (row: T, field: RowField<T>) => string;
  /** Intl.Collator's compare is bound to its collator, so it can be handed around as a plain function. */
  private readonly compare: (a: string, b: string) => number;

  constructor(options: RowIndexOptions<T>) {
    this.fields = [...options.fields];
    this.fieldText = options.fieldText ?? ((row, field) => defaultFieldText(row[field]));
    this.compare = new Intl.Collator(options.locale, { numeric: true, sensitivity: 'base' }).compare;
  }

  get size(): number {
    return this.rows.length;
  }

  /** Goes up with every change to the rows: a cheap dependency for memoizing a query's view in React. */
  get version(): number {
    return this.currentVersion;
  }

  rowAt(index: number): T {
    if (index < 0 || index >= this.rows.length) throw new RangeError(`No row ${index} in an index of ${this.rows.length}`);
    return this.rows[index] as T;
  }

  /** Adds a page of rows after the ones already there (a sync streaming in). */
  append(rows: readonly T[]): void {
    if (rows.length === 0) return;
    for (const row of rows) {
      this.rows.push(row);
      this.haystacks.push(normalizeForSearch(this.fields.map((field) => this.fieldText(row, field)).join(FIELD_SEPARATOR)));
    }
    // The last search and the sorted orders stay: they know how many rows they covered, and take in the new ones on
    // the next query.
    this.currentVersion += 1;
  }

  /** Replaces all rows (a fresh sync, another customer's users). */
  replace(rows: readonly T[]): void {
    this.rows = [];
    this.haystacks = [];
    this.lastFilter = null;
    this.lastView = null;
    this.sortedOrders.clear();
    this.currentVersion += 1;
    this.append(rows);
  }

  /** The rows matching the search text and the predicate, in the requested order. */
  query(query: RowQuery<T>): RowView<T> {
    const terms = searchTerms(query.text);
    const { predicate, sort } = query;
    const last = this.lastView;
    if (
      last?.version === this.currentVersion &&
      last.predicate === predicate &&
      last.sort?.field === sort?.field &&
      last.sort?.direction === sort?.direction &&
      sameSearch(last.terms, terms)
    ) {
      return last.view;
    }
    const matches = this.filter(terms, predicate);
    const indices = sort === undefined ? matches : this.inSortOrder(matches, sort);
    const view = this.viewOf(indices);
    this.lastView = { version: this.currentVersion, terms, predicate, sort, view };
    return view;
  }

  private viewOf(indices: readonly number[]): RowView<T> {
    return {
      length: indices.length,
      indices,
      rowAt: (position) => {
        const index = indices[position];
        if (index === undefined) throw new RangeError(`No position ${position} in a result of ${indices.length}`);
        return this.rowAt(index);
      },
    };
  }

  private filter(terms: readonly string[], predicate: Predicate<T>): readonly number[] {
    const { rows, haystacks } = this;
    const accepts = (index: number): boolean => {
      // The predicate goes first: it is a field comparison, cheaper than looking for words.
      if (predicate !== undefined && !predicate(rows[index] as T)) return false;
      const haystack = haystacks[index] as string;
      for (const term of terms) if (!haystack.includes(term)) return false;
      return true;
    };
    const previous = this.lastFilter;
    // The previous matches are a superset of this search's when it had no predicate or the same one, and its words
    // are contained in this search's words.
    const narrowing = previous !== null && (previous.predicate === undefined || previous.predicate === predicate) && narrowsSearch(previous.terms, terms);
    let matches: number[];
    let scanFrom: number;
    if (!narrowing) {
      matches = [];
      scanFrom = 0;
    } else if (previous.predicate === predicate && sameSearch(previous.terms, terms)) {
      if (previous.scannedTo === rows.length) return previous.matches;
      matches = [...previous.matches];
      scanFrom = previous.scannedTo;
    } else {
      matches = previous.matches.filter(accepts);
      scanFrom = previous.scannedTo;
    }
    for (let index = scanFrom; index < rows.length; index += 1) if (accepts(index)) matches.push(index);
    this.lastFilter = { terms, predicate, matches, scannedTo: rows.length };
    return matches;
  }

  private inSortOrder(matches: readonly number[], sort: RowSort<T>): number[] {
    const order = this.sortedBy(sort.field);
    const result: number[] = [];
    // Matches are distinct row indices, so as many matches as rows means every row.
    if (matches.length === this.rows.length) {
      order.forEach(sort.direction, (index) => result.push(index));
      return result;
    }
    // One marks buffer for every query (cleared after use): a keystroke should not allocate a row-sized array.
    if (this.marks.length < this.rows.length) this.marks = new Uint8Array(this.rows.length);
    const matched = this.marks;
    for (const index of matches) matched[index] = 1;
    order.forEach(sort.direction, (index) => {
      if (matched[index] === 1) result.push(index);
    });
    for (const index of matches) matched[index] = 0;
    return result;
  }

  /** A field's sorted order, brought up to date with the rows appended since it was last used. */
  private sortedBy(field: RowField<T>): SortedOrder {
    let order = this.sortedOrders.get(field);
    if (order === undefined) {
      order = new SortedOrder(this.compare);
      this.sortedOrders.set(field, order);
    }
    if (order.size < this.rows.length) {
      const keys: string[] = [];
      for (let index = order.size; index < this.rows.length; index += 1) keys.push(this.fieldText(this.rows[index] as T, field));
      order.extend(keys);
    }
    return order;
  }
}
