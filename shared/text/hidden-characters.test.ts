import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, revealHidden, revealHiddenKeepingLineBreaks } from './hidden-characters';

const hidden = [
  ...Array.from({ length: 0x20 }, (_, code) => code),
  ...Array.from({ length: 0x21 }, (_, offset) => 0x7f + offset),
  0x061c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
].map((code) => String.fromCharCode(code));

describe('hidden characters', () => {
  it('writes every control, direction-changing and zero-width character as a visible escape', () => {
    for (const character of hidden) {
      expect(hasHiddenCharacters(`a${character}b`), character.charCodeAt(0).toString(16)).toBe(true);
      expect(revealHidden(`a${character}b`)).toBe(`a\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}b`);
    }
    expect(revealHidden('admin@\u202emoc.tfosorcim')).toBe('admin@\\u202emoc.tfosorcim');
  });

  it('leaves ordinary text, other scripts and emoji alone', () => {
    for (const text of ['Åsa Öberg', 'محمد', 'שלום', '東京', 'Café Lumière AB', '👍', 'a\u00a0b']) {
      expect(hasHiddenCharacters(text), text).toBe(false);
      expect(revealHidden(text)).toBe(text);
    }
  });

  it('can keep the writer’s own line breaks: \\n and \\r\\n, never a lone \\r', () => {
    expect(revealHiddenKeepingLineBreaks('a\nb\r\nc\rd\u009b\u202e')).toBe('a\nb\r\nc\\u000dd\\u009b\\u202e');
  });
});
