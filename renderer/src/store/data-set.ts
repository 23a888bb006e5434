import type { CachedRows, SyncEvent } from '../../../shared/partner-center/sync-shapes';
import type { SamErrorCode } from '../../../shared/sam/error-codes';

/**
 * Partner Center data shown in a table, and how it got there: the saved (offline) copy, a sync streaming in, or both.
 * Pure functions over a plain state, shared by the customers and users stores, so the rules are tested once:
 * - With nothing shown yet, pages appear as they arrive (the admin sees the first rows at once).
 * - With a list shown (the saved copy), a sync collects its pages aside and swaps them in when complete, so the
 *   table never shrinks to one page and back, and a failed or cancelled sync leaves the last good list in place.
 */
export type SyncStatus =
  | { readonly kind: 'idle' }
  /** syncId is null until the sync's id is known (its first event may overtake the answer to the request). */
  | { readonly kind: 'running'; readonly syncId: string | null; readonly loaded: number; readonly total: number | null }
  | { readonly kind: 'failed'; readonly error: SamErrorCode; readonly detail: Readonly<Record<string, string | number>> }
  | { readonly kind: 'cancelled' };

export type CacheNotice = { readonly kind: 'damaged'; readonly movedTo: string } | { readonly kind: 'unavailable' } | { readonly kind: 'not-cached' } | null;

export interface DataSet<T> {
  readonly rows: readonly T[];
  /** Changes whenever `rows` is replaced rather than appended to, so an index over it knows to start again. */
  readonly generation: number;
  /** Where the shown rows came from: nothing yet, the saved copy, Partner Center, or an interrupted first sync. */
  readonly source: 'none' | 'cache' | 'live' | 'partial';
  /** When the shown rows were read from Partner Center. */
  readonly asOf: string | null;
  readonly staged: readonly T[] | null;
  readonly sync: SyncStatus;
  /** The last sync could not reach Microsoft: the rows are the last known ones. */
  readonly offline: boolean;
  readonly notice: CacheNotice;
}

export type CachedAnswer<T> = CachedRows<T>;

/** A sync step as it arrives from main, tagged with the sync it belongs to. */
export type ProgressEvent<T> = SyncEvent<T> & { readonly syncId: string };

/** Failures that mean "Microsoft could not be reached", as opposed to a refusal the admin must act on. */
const unreachable: ReadonlySet<SamErrorCode> = new Set<SamErrorCode>(['network', 'partner-center-unavailable']);

export function emptyDataSet<T>(): DataSet<T> {
  return { rows: [], generation: 0, source: 'none', asOf: null, staged: null, sync: { kind: 'idle' }, offline: false, notice: null };
}

export function withCached<T>(state: DataSet<T>, cached: CachedAnswer<T>): DataSet<T> {
  switch (cached.status) {
    case 'empty':
      return state;
    case 'ok':
      // A sync that already delivered newer rows wins over a slow cache read.
      if (state.source === 'live') return state;
      return { ...state, rows: cached.rows, generation: state.generation + 1, source: 'cache', asOf: cached.asOf };
    case 'damaged':
      return { ...state, notice: { kind: 'damaged', movedTo: cached.movedTo } };
    case 'unavailable':
      return { ...state, notice: { kind: 'unavailable' } };
  }
}

export function syncStarted<T>(state: DataSet<T>): DataSet<T> {
  return { ...state, staged: state.rows.length > 0 ? [] : null, sync: { kind: 'running', syncId: null, loaded: 0, total: null } };
}

/** The answer to the sync request: its id, or a failure before anything started (e.g. an unknown profile). */
export function syncAnswered<T>(state: DataSet<T>, answer: { readonly ok: true; readonly syncId: string } | { readonly ok: false; readonly error: SamErrorCode; readonly detail: Readonly<Record<string, string | number>> }): DataSet<T> {
  if (state.sync.kind !== 'running') return state;
  if (!answer.ok) return { ...state, staged: null, sync: { kind: 'failed', error: answer.error, detail: answer.detail }, offline: unreachable.has(answer.error) };
  if (state.sync.syncId !== null) return state;
  return { ...state, sync: { ...state.sync, syncId: answer.syncId } };
}

export function withProgress<T>(state: DataSet<T>, event: ProgressEvent<T>): DataSet<T> {
  const sync = state.sync;
  if (sync.kind !== 'running' || (sync.syncId !== null && sync.syncId !== event.syncId)) return state;
  switch (event.state) {
    case 'page': {
      const running = { kind: 'running' as const, syncId: event.syncId, loaded: event.loaded, total: event.total };
      if (state.staged) return { ...state, staged: [...state.staged, ...event.rows], sync: running };
      return { ...state, rows: [...state.rows, ...event.rows], source: 'partial', sync: running };
    }
    case 'done': {
      const rows = state.staged ?? state.rows;
      return { rows, generation: state.staged ? state.generation + 1 : state.generation, source: 'live', asOf: event.asOf, staged: null, sync: { kind: 'idle' }, offline: false, notice: event.cached ? null : { kind: 'not-cached' } };
    }
    case 'failed':
      return { ...state, staged: null, sync: { kind: 'failed', error: event.error, detail: event.detail }, offline: unreachable.has(event.error) };
    case 'cancelled':
      return { ...state, staged: null, sync: { kind: 'cancelled' } };
  }
}
