import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('the app origin', () => {
  it('recognises only app://sam-desk URLs', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://sam-desk/assets/index.js')).toBe(true);
    expect(isAppUrl('app://sam-desk.evil/')).toBe(false);
    expect(isAppUrl('app://evil/')).toBe(false);
    expect(isAppUrl('https://sam-desk/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('::')).toBe(false);
  });
});
