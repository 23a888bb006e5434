export type SortDirection = 'ascending' | 'descending';

/**
 * A cheap stand-in for the collation order: plain comparison of lower-cased text puts most rows where the collator
 * will. It only speeds the sort up; the collator decides the final order. (Padding digit runs for the numeric order
 * costs more than it saves on digit-heavy fields such as tenant ids.)
 */
function approximateSortKey(text: string): string {
  return text.toLowerCase();
}

/**
 * The order of one field's values over rows that arrive page by page: sorted once, then extended by merging in each
 * new page rather than sorting everything again. Rows with equal values keep their append order, in both directions.
 */
export class SortedOrder {
  /** Each row's sort text, by row index. */
  private readonly keys: string[] = [];
  /** Row indices in ascending order. */
  private ascending: number[] = [];
  /** Where each run of equal keys starts in `ascending` (plus its end); worked out when a descending walk needs it. */
  private runStarts: number[] | null = null;
  private readonly compare: (a: string, b: string) => number;

  constructor(compare: (a: string, b: string) => number) {
    this.compare = compare;
  }

  /** How many rows the order covers: rows from this index on have not been taken in yet. */
  get size(): number {
    return this.keys.length;
  }

  /** Takes in the sort texts of the rows appended since the last call, in row order. */
  extend(keys: readonly string[]): void {
    if (keys.length === 0) return;
    const from = this.keys.length;
    for (const key of keys) this.keys.push(key);
    const added = this.sortedRange(from);
    this.ascending = from === 0 ? added : this.merge(this.ascending, added);
    this.runStarts = null;
  }

  /** Calls `visit` with every row index, in the given order. */
  forEach(direction: SortDirection, visit: (index: number) => void): void {
    const { ascending } = this;
    if (direction === 'ascending') {
      for (const index of ascending) visit(index);
      return;
    }
    // Descending walks the runs of equal keys from last to first, and each run forwards: stable this way too.
    const runStarts = this.runsOfEqualKeys();
    for (let run = runStarts.length - 2; run >= 0; run -= 1) {
      const end = runStarts[run + 1] as number;
      for (let position = runStarts[run] as number; position < end; position += 1) visit(ascending[position] as number);
    }
  }

  /** The row indices from `from` to the last key, sorted by key; equal keys keep index order. */
  private sortedRange(from: number): number[] {
    const { keys, compare } = this;
    const indices: number[] = [];
    const approximate: string[] = [];
    for (let index = from; index < keys.length; index += 1) {
      indices.push(index);
      approximate.push(approximateSortKey(keys[index] as string));
    }
    // Collator comparisons are slow; a first pass with plain string comparison leaves the array nearly in collation
    // order, and the engine's merge sort finishes a nearly sorted array in about one comparison per row.
    indices.sort((a, b) => {
      const left = approximate[a - from] as string;
      const right = approximate[b - from] as string;
      return left < right ? -1 : left > right ? 1 : a - b;
    });
    indices.sort((a, b) => compare(keys[a] as string, keys[b] as string) || a - b);
    return indices;
  }

  /** Merges two ascending orders; on equal keys the existing (earlier appended) rows come first. */
  private merge(existing: readonly number[], added: readonly number[]): number[] {
    const { keys, compare } = this;
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < existing.length && j < added.length) {
      const left = existing[i] as number;
      const right = added[j] as number;
      if (compare(keys[left] as string, keys[right] as string) <= 0) {
        merged.push(left);
        i += 1;
      } else {
        merged.push(right);
        j += 1;
      }
    }
    while (i < existing.length) merged.push(existing[i++] as number);
    while (j < added.length) merged.push(added[j++] as number);
    return merged;
  }

  private runsOfEqualKeys(): readonly number[] {
    if (this.runStarts !== null) return this.runStarts;
    const { keys, ascending, compare } = this;
    const starts: number[] = ascending.length > 0 ? [0] : [];
    for (let position = 1; position < ascending.length; position += 1) {
      if (compare(keys[ascending[position - 1] as number] as string, keys[ascending[position] as number] as string) !== 0) starts.push(position);
    }
    starts.push(ascending.length);
    this.runStarts = starts;
    return starts;
  }
}
