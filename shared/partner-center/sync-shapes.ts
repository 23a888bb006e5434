import type { SamErrorCode } from '../sam/error-codes';

/**
 * The shapes of Partner Center data on its way to a table, shared by main (which produces them) and the window (which
 * folds them into what it shows). The contract's zod schemas check them at the bridge.
 */
export type SafeDetail = Readonly<Record<string, string | number>>;

/** What the encrypted offline cache holds for one list. */
export type CachedRows<T> =
  | { readonly status: 'empty' }
  | { readonly status: 'ok'; readonly asOf: string; readonly rows: readonly T[] }
  | { readonly status: 'damaged'; readonly movedTo: string }
  | { readonly status: 'unavailable'; readonly error: SamErrorCode };

/** One step of a sync: a page as it arrived, the end, a failure, or a cancel. */
export type SyncEvent<T> =
  | { readonly state: 'page'; readonly rows: readonly T[]; readonly loaded: number; readonly total: number | null }
  | { readonly state: 'done'; readonly loaded: number; readonly asOf: string; readonly cached: boolean }
  | { readonly state: 'failed'; readonly error: SamErrorCode; readonly detail: SafeDetail }
  | { readonly state: 'cancelled' };
