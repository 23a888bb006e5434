import type { IpcErrorCode } from '../../../shared/ipc/errors';
import type { SamErrorCode } from '../../../shared/sam/error-codes';

/**
 * "Check all" as the dashboard follows it. Main checks the profiles one after another and announces each as
 * health.changed, so the profiles heard from while the check runs are the progress ("1 of 3").
 */
export type CheckAll =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly total: number; readonly done: readonly string[] }
  | { readonly phase: 'done'; readonly checked: number }
  | { readonly phase: 'failed'; readonly error: SamErrorCode; readonly detail: Readonly<Record<string, string | number>> }
  | { readonly phase: 'unavailable'; readonly code: IpcErrorCode };

export const idleCheckAll: CheckAll = { phase: 'idle' };

export function checkAllStarted(total: number): CheckAll {
  return { phase: 'running', total, done: [] };
}

/** A profile's health changed: while a check of all runs, it counts as checked (once, however many facts it learned). */
export function checkAllHeard(progress: CheckAll, profileId: string): CheckAll {
  if (progress.phase !== 'running' || progress.done.includes(profileId)) return progress;
  // A profile created meanwhile is checked too: the total grows rather than the count running past it.
  const done = [...progress.done, profileId];
  return { ...progress, done, total: Math.max(progress.total, done.length) };
}

export function checkAllAnswered(answer: { readonly ok: true; readonly entries: readonly unknown[] } | { readonly ok: false; readonly error: SamErrorCode; readonly detail: Readonly<Record<string, string | number>> }): CheckAll {
  return answer.ok ? { phase: 'done', checked: answer.entries.length } : { phase: 'failed', error: answer.error, detail: answer.detail };
}
