import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-check';

describe('IPC sender check', () => {
  const top = { url: 'app://sam-desk/index.html', parent: null };
  it('accepts only the main window top frame on the app origin', () => {
    expect(isTrustedSender(top, true)).toBe(true);
    expect(isTrustedSender(top, false)).toBe(false);
    expect(isTrustedSender({ ...top, parent: {} }, true)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, true)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', parent: null }, true)).toBe(false);
    expect(isTrustedSender({ url: 'app://sam-desk.evil/', parent: null }, true)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null }, true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
  });
});
