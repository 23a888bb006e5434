import { describe, expect, it } from 'vitest';
import { checkAllAnswered, checkAllHeard, checkAllStarted, idleCheckAll } from './check-all';

describe('check all progress', () => {
  it('counts each profile heard from once while the check runs', () => {
    let progress = checkAllStarted(3);
    progress = checkAllHeard(progress, 'a');
    progress = checkAllHeard(progress, 'a');
    progress = checkAllHeard(progress, 'b');
    expect(progress).toEqual({ phase: 'running', total: 3, done: ['a', 'b'] });
  });

  it('grows the total for a profile created during the check instead of counting past it', () => {
    const progress = ['a', 'b'].reduce(checkAllHeard, checkAllStarted(1));
    expect(progress).toEqual({ phase: 'running', total: 2, done: ['a', 'b'] });
  });

  it('ignores changes when no check of all runs', () => {
    expect(checkAllHeard(idleCheckAll, 'a')).toBe(idleCheckAll);
    const done = checkAllAnswered({ ok: true, entries: [1, 2] });
    expect(checkAllHeard(done, 'a')).toBe(done);
  });

  it('ends with the number checked, or the failure with its detail', () => {
    expect(checkAllAnswered({ ok: true, entries: [1, 2, 3] })).toEqual({ phase: 'done', checked: 3 });
    expect(checkAllAnswered({ ok: false, error: 'network', detail: { status: 0 } })).toEqual({ phase: 'failed', error: 'network', detail: { status: 0 } });
  });
});
