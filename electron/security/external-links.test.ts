import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isSignInUrl } from './external-links';

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

describe('a consent sign-in link', () => {
  it("opens only on the profile's bound sign-in host", () => {
    const origins = ['https://localhost:47301'];
    expect(isSignInUrl('https://localhost:47301/tenant/oauth2/v2.0/authorize?client_id=x', origins)).toBe(true);
    for (const url of ['https://127.0.0.1:47301/tenant/oauth2/v2.0/authorize', 'https://evil.example/tenant/oauth2/v2.0/authorize', 'http://localhost:47301/', 'https://me@localhost:47301/', 'javascript:alert(1)']) {
      expect(isSignInUrl(url, origins), url).toBe(false);
    }
  });
});
