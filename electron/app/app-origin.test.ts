import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppBlobUrl, isAppUrl } from './app-origin';

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

  it('accepts downloads only of blob: URLs made by the app’s own page', () => {
    expect(isAppBlobUrl('blob:app://sam-desk/6f1c2d3e-0000-4000-8000-000000000000')).toBe(true);
    expect(isAppBlobUrl('blob:https://evil.example/6f1c2d3e')).toBe(false);
    expect(isAppBlobUrl('https://evil.example/payload.exe')).toBe(false);
    expect(isAppBlobUrl('app://sam-desk/index.html')).toBe(false);
  });
});
