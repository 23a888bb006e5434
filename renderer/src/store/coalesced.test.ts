import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesced';

/** A task whose runs finish only when the test says so. */
function gatedTask() {
  const gates: Array<() => void> = [];
  let runs = 0;
  const task = () =>
    new Promise<void>((resolve) => {
      runs++;
      gates.push(resolve);
    });
  const release = async (): Promise<void> => {
    gates.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { task, release, runs: () => runs };
}

describe('coalesced', () => {
  it('runs at once when idle', async () => {
    const { task, release, runs } = gatedTask();
    const run = coalesced(task);
    const done = run();
    expect(runs()).toBe(1);
    await release();
    await done;
    expect(runs()).toBe(1);
  });

  it('runs once more after a burst of calls made while it ran, however long the burst', async () => {
    const { task, release, runs } = gatedTask();
    const run = coalesced(task);
    const first = run();
    const later = [run(), run(), run()];
    expect(runs()).toBe(1);
    await release();
    expect(runs()).toBe(2);
    await release();
    await Promise.all([first, ...later]);
    expect(runs()).toBe(2);
  });

  it('starts afresh once the last run has ended', async () => {
    const { task, release, runs } = gatedTask();
    const run = coalesced(task);
    const first = run();
    await release();
    await first;
    const second = run();
    expect(runs()).toBe(2);
    await release();
    await second;
  });

  it('lets the next call run after a failed one', async () => {
    let calls = 0;
    const run = coalesced(async () => {
      calls++;
      if (calls === 1) throw new Error('read failed');
    });
    await expect(run()).rejects.toThrow('read failed');
    await run();
    expect(calls).toBe(2);
  });
});
