import { useMemo, useState } from 'react';
import type { DataSet } from '../../store/data-set';
import { RowIndex, type RowIndexOptions, type RowQuery, type RowView } from '../partner-center/row-index';

/**
 * A RowIndex that follows a data set as it streams in: appended pages are appended to the index (keeping its
 * haystacks and sort orders), a replaced list rebuilds it.
 */
class FollowingIndex<T> {
  readonly index: RowIndex<T>;
  private generation = -1;

  constructor(options: RowIndexOptions<T>) {
    this.index = new RowIndex(options);
  }

  /** Idempotent for the same rows (StrictMode may call it twice): it only adds what the index does not hold yet. */
  follow(rows: readonly T[], generation: number): RowIndex<T> {
    if (this.generation !== generation || rows.length < this.index.size) {
      this.index.replace(rows);
      this.generation = generation;
    } else if (rows.length > this.index.size) {
      this.index.append(rows.slice(this.index.size));
    }
    return this.index;
  }
}

/** The rows of `data` that match `query`, in its order, and how many rows there are in all. */
export function useRowQuery<T>(data: DataSet<T>, options: RowIndexOptions<T>, query: RowQuery<T>): { readonly view: RowView<T>; readonly total: number } {
  // One index for the life of the table; its options are fixed.
  const [following] = useState(() => new FollowingIndex(options));
  const { text, predicate, sort } = query;
  // Rows and generation, not the whole data set: progress of a sync collected aside must not re-run the query.
  const { rows, generation } = data;
  const view = useMemo(() => following.follow(rows, generation).query({ text, ...(predicate ? { predicate } : {}), ...(sort ? { sort } : {}) }), [following, rows, generation, text, predicate, sort]);
  return { view, total: rows.length };
}
