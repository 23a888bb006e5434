import { describe, expect, it } from 'vitest';
import { emptyDataSet, syncAnswered, syncStarted, withCached, withProgress, type DataSet } from './data-set';

/** How the tables' data changes as the saved copy is read and a sync streams in. */
const asOf = '2026-12-01T10:00:00.000Z';
const page = (syncId: string, rows: number[], loaded: number) => ({ state: 'page' as const, syncId, rows, loaded, total: null });

function started(state: DataSet<number>, syncId = 's1'): DataSet<number> {
  return syncAnswered(syncStarted(state), { ok: true, syncId });
}

describe('a table’s data set', () => {
  it('with nothing shown, shows pages as they arrive and marks the list live when complete', () => {
    let state = started(emptyDataSet<number>());
    state = withProgress(state, page('s1', [1, 2], 2));
    expect(state).toMatchObject({ rows: [1, 2], source: 'partial', sync: { kind: 'running', loaded: 2 } });
    state = withProgress(state, page('s1', [3], 3));
    const generation = state.generation;
    state = withProgress(state, { state: 'done', syncId: 's1', loaded: 3, asOf, cached: true });
    expect(state).toMatchObject({ rows: [1, 2, 3], source: 'live', asOf, sync: { kind: 'idle' }, notice: null });
    // Appended, not replaced: an index over the rows may keep what it built.
    expect(state.generation).toBe(generation);
  });

  it('with the saved copy shown, collects a sync aside and swaps it in only when complete', () => {
    let state = withCached(emptyDataSet<number>(), { status: 'ok', asOf, rows: [9, 8, 7] });
    expect(state).toMatchObject({ source: 'cache', asOf, rows: [9, 8, 7] });
    const cachedGeneration = state.generation;
    state = withProgress(started(state), page('s1', [1], 1));
    expect(state.rows).toEqual([9, 8, 7]);
    state = withProgress(state, { state: 'done', syncId: 's1', loaded: 1, asOf: '2026-12-02T10:00:00.000Z', cached: false });
    expect(state).toMatchObject({ rows: [1], source: 'live', notice: { kind: 'not-cached' } });
    expect(state.generation).toBe(cachedGeneration + 1);
  });

  it('keeps the last good list when a sync fails or is cancelled, and marks it offline when Microsoft was unreachable', () => {
    const shown = withCached(emptyDataSet<number>(), { status: 'ok', asOf, rows: [9] });
    const failed = withProgress(withProgress(started(shown), page('s1', [1], 1)), { state: 'failed', syncId: 's1', error: 'network', detail: {} });
    expect(failed).toMatchObject({ rows: [9], source: 'cache', offline: true, staged: null, sync: { kind: 'failed', error: 'network' } });
    const refused = withProgress(started(shown), { state: 'failed', syncId: 's1', error: 'partner-center-mfa-required', detail: {} });
    expect(refused.offline).toBe(false);
    const cancelled = withProgress(started(shown), { state: 'cancelled', syncId: 's1' });
    expect(cancelled).toMatchObject({ rows: [9], sync: { kind: 'cancelled' } });
    // A later successful sync clears the offline mark.
    expect(withProgress(started(failed, 's2'), { state: 'done', syncId: 's2', loaded: 0, asOf, cached: true }).offline).toBe(false);
  });

  it('ignores events of another sync, and adopts the id from an event that overtakes the answer', () => {
    const running = started(emptyDataSet<number>(), 's1');
    expect(withProgress(running, page('other', [1], 1))).toBe(running);
    const early = withProgress(syncStarted(emptyDataSet<number>()), page('s9', [5], 1));
    expect(early).toMatchObject({ rows: [5], sync: { syncId: 's9' } });
    expect(syncAnswered(early, { ok: true, syncId: 's9' }).sync).toMatchObject({ syncId: 's9' });
  });

  it('reports a refused start, a damaged or locked cache, and never lets a slow cache read replace live rows', () => {
    expect(syncAnswered(syncStarted(emptyDataSet<number>()), { ok: false, error: 'profile-not-found', detail: {} }).sync).toMatchObject({ kind: 'failed', error: 'profile-not-found' });
    expect(withCached(emptyDataSet<number>(), { status: 'damaged', movedTo: '/x.damaged' }).notice).toEqual({ kind: 'damaged', movedTo: '/x.damaged' });
    expect(withCached(emptyDataSet<number>(), { status: 'unavailable', error: 'keychain-unavailable' }).notice).toEqual({ kind: 'unavailable' });
    const live = withProgress(started(emptyDataSet<number>()), { state: 'done', syncId: 's1', loaded: 0, asOf, cached: true });
    expect(withCached(live, { status: 'ok', asOf: '2020-01-01T00:00:00.000Z', rows: [1] })).toBe(live);
  });
});
