import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('external link allow-list', () => {
  it('opens Microsoft documentation and portals over https only', () => {
    expect(isAllowedExternalUrl('https://learn.microsoft.com/en-us/partner-center/')).toBe(true);
    expect(isAllowedExternalUrl('https://partner.microsoft.com/dashboard')).toBe(true);
  });
  it('refuses everything else', () => {
    for (const url of [
      'http://learn.microsoft.com/',
      'https://learn.microsoft.com.evil.example/',
      'https://evil.example/?https://learn.microsoft.com',
      'https://user:pw@learn.microsoft.com/',
      'https://learn.microsoft.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'sam-desk://reconsent',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
