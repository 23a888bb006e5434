import { describe, expect, it } from 'vitest';
import { formatClaimValue } from './format-claim-value';

describe('claim values as the inspector shows them', () => {
  it('shows direction overrides, zero-width and control characters as escapes, in strings and lists', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(formatClaimValue('aud', 'https://api.partnercenter.microsoft.com\u202e', 'en', now)).toBe('https://api.partnercenter.microsoft.com\\u202e');
    expect(formatClaimValue('upn', 'admin\u200b@contoso.example', 'en', now)).toBe('admin\\u200b@contoso.example');
    expect(formatClaimValue('roles', ['Admin\u2066', 'x\u009b31m'], 'en', now)).toBe('Admin\\u2066, x\\u009b31m');
    expect(formatClaimValue('groups', { a: 'b\u001b' }, 'en', now)).toBe('{"a":"b\\u001b"}');
    expect(formatClaimValue('name', 'Åsa Öberg', 'en', now)).toBe('Åsa Öberg');
  });
});
