import { describe, expect, it } from 'vitest';
import type { KeyCredential, PasswordCredential } from './application-schema';
import { pickKeyCredential, pickPasswordCredential } from './pick-credential';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const inDays = (days: number): string => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const secret = (keyId: string, hint: string | null, endDays: number, startDays = -100): PasswordCredential => ({ keyId, displayName: keyId, hint, startDateTime: inDays(startDays), endDateTime: inDays(endDays) });
const OURS = 'abc~the-rest-of-our-secret';

describe('pickPasswordCredential', () => {
  it("takes the secret whose hint is our secret's first three characters, even when another ends sooner", () => {
    expect(pickPasswordCredential([secret('other', 'Q7x', 5), secret('ours', 'abc', 300)], OURS, NOW)).toEqual({ keyId: 'ours', endDateTime: inDays(300) });
  });

  it('among several with our hint, the valid one that ends soonest (warning early is the safe mistake)', () => {
    expect(pickPasswordCredential([secret('later', 'abc', 300), secret('sooner', 'abc', 20), secret('ended', 'abc', -3)], OURS, NOW)?.keyId).toBe('sooner');
  });

  it('without any hint match (hints are null on old secrets), the valid secret that ends soonest', () => {
    expect(pickPasswordCredential([secret('a', null, 90), secret('b', 'zzz', 40), secret('c', null, -1)], OURS, NOW)?.keyId).toBe('b');
    expect(pickPasswordCredential([secret('a', 'abc', 90)], null, NOW)?.keyId).toBe('a');
  });

  it('reads as expired when none is valid: the one that ended last', () => {
    expect(pickPasswordCredential([secret('long-ago', 'abc', -300), secret('yesterday', 'abc', -1)], OURS, NOW)).toEqual({ keyId: 'yesterday', endDateTime: inDays(-1) });
  });

  it('skips a secret that is not valid yet, and says nothing when there are no dated secrets', () => {
    expect(pickPasswordCredential([secret('future', 'abc', 400, 10), secret('now', 'abc', 200)], OURS, NOW)?.keyId).toBe('now');
    expect(pickPasswordCredential([], OURS, NOW)).toBeNull();
    expect(pickPasswordCredential([{ keyId: 'undated', hint: 'abc', endDateTime: null }], OURS, NOW)).toBeNull();
  });
});

describe('pickKeyCredential', () => {
  const THUMBPRINT = '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567';
  const key = (keyId: string, customKeyIdentifier: string | null, endDays: number): KeyCredential => ({ keyId, customKeyIdentifier, type: 'AsymmetricX509Cert', usage: 'Verify', startDateTime: inDays(-10), endDateTime: inDays(endDays) });

  it('matches the thumbprint as hex (any case), as base64 of its bytes, or as base64 of its hex text', () => {
    expect(pickKeyCredential([key('other', 'FFFF', 3), key('ours', THUMBPRINT.toLowerCase(), 100)], THUMBPRINT)?.keyId).toBe('ours');
    expect(pickKeyCredential([key('bytes', Buffer.from(THUMBPRINT, 'hex').toString('base64'), 50)], THUMBPRINT)?.keyId).toBe('bytes');
    expect(pickKeyCredential([key('text', Buffer.from(THUMBPRINT, 'latin1').toString('base64'), 50)], THUMBPRINT)?.keyId).toBe('text');
  });

  it('guesses nothing without a match', () => {
    expect(pickKeyCredential([key('other', 'FFFF', 3), key('none', null, 5)], THUMBPRINT)).toBeNull();
  });
});
