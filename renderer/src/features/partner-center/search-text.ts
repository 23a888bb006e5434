/**
 * How search reads text: case and accents do not count, words are matched separately. Shared by the row index
 * (which normalizes each row once) and anything that must agree with it.
 */

/** Letters that carry their "accent" in the letter itself, so decomposition leaves them whole. */
const LETTER_FOLDS: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const FOLDABLE_LETTER = /[øæœßłđðþı]/g;
const COMBINING_MARK = /\p{M}/gu;
const WHITESPACE = /\s+/;

/**
 * Text as search compares it: lower case, without accents ("Åsa" → "asa", "Öberg" → "oberg", "Søren" → "soren").
 * Compatibility decomposition (NFKD rather than NFD) also folds full-width letters and ligatures, which input
 * methods and pasted names bring in.
 */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARK, '')
    .replace(FOLDABLE_LETTER, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/** The words of a search, normalized; no words means "everything". */
export function searchTerms(text: string): string[] {
  return normalizeForSearch(text)
    .split(WHITESPACE)
    .filter((term) => term !== '');
}

/**
 * Whether every row matching the `next` words also matches the `previous` ones, so a search for `next` may look at
 * `previous`'s matches only: true when each previous word is contained in some new word (typing more letters,
 * adding a word, reordering words).
 */
export function narrowsSearch(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((old) => next.some((term) => term.includes(old)));
}

export function sameSearch(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}
