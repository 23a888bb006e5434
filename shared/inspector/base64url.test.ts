import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64UrlBytes, decodeBase64UrlText } from './base64url';
import { base64UrlEncode } from './testing/make-jwt';

describe('base64url decoding', () => {
  it('decodes UTF-8 text such as Swedish names', () => {
    expect(decodeBase64UrlText(base64UrlEncode('{"name":"Åsa Öberg"}'))).toBe('{"name":"Åsa Öberg"}');
  });

  it('accepts padding and the standard base64 alphabet', () => {
    expect(decodeBase64UrlText('aGk=')).toBe('hi');
    expect(decodeBase64UrlBytes('-_8')).toEqual(decodeBase64UrlBytes('+/8'));
  });

  it('rejects characters outside the alphabet, impossible lengths and invalid UTF-8', () => {
    expect(decodeBase64UrlText('ab$d')).toBeNull();
    expect(decodeBase64UrlText('abcde')).toBeNull();
    expect(decodeBase64UrlText('_w')).toBeNull(); // 0xff is not UTF-8
  });

  it('round-trips any Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeBase64UrlText(base64UrlEncode(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
