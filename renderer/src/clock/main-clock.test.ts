import { afterEach, describe, expect, it } from 'vitest';
import { followMainClock, mainNow } from './main-clock';

describe('the window clock follows main', () => {
  afterEach(() => followMainClock(new Date().toISOString()));

  it('takes main time when it is days away (the local cloud moved on)', () => {
    const eightyDays = 80 * 86_400_000;
    followMainClock(new Date(Date.now() + eightyDays).toISOString());
    expect(Math.abs(mainNow() - (Date.now() + eightyDays))).toBeLessThan(1_000);
  });

  it('ignores a difference of IPC latency', () => {
    followMainClock(new Date(Date.now() + 1_500).toISOString());
    expect(Math.abs(mainNow() - Date.now())).toBeLessThan(50);
  });

  it('ignores an unreadable time', () => {
    followMainClock(new Date(Date.now() + 3 * 86_400_000).toISOString());
    const before = mainNow() - Date.now();
    followMainClock('not a time');
    expect(Math.abs(mainNow() - Date.now() - before)).toBeLessThan(50);
  });
});
