import { describe, expect, it } from 'vitest';
import { formatRelativeSeconds, localizeDateParams } from './relative-time';

describe('relative times', () => {
  it('picks the largest readable unit, in the reader’s language', () => {
    expect(formatRelativeSeconds(42 * 60, 'en')).toBe('in 42 minutes');
    expect(formatRelativeSeconds(-3 * 86_400, 'en')).toBe('3 days ago');
    expect(formatRelativeSeconds(-3 * 86_400, 'sv')).toBe('för 3 dagar sedan');
    expect(formatRelativeSeconds(5, 'en')).toBe('in 5 seconds');
  });

  it('shows ISO instants in message parameters as local dates and leaves other values alone', () => {
    const localized = localizeDateParams({ expiresAt: '2026-11-24T13:00:00.000Z', audience: 'https://api.partnercenter.microsoft.com', count: 3 }, 'en');
    expect(localized.expiresAt).not.toContain('T13:00');
    expect(localized.expiresAt).toMatch(/2026/);
    expect(localized).toMatchObject({ audience: 'https://api.partnercenter.microsoft.com', count: 3 });
  });
});
