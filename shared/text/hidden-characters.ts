/**
 * Characters that change how text looks without being seen themselves. Text from tokens, customers and users comes
 * from other tenants, so it can carry them on purpose:
 * - C0 and C1 controls (ESC, and U+009B, a terminal's one-byte CSI) start escape sequences that rewrite a terminal;
 * - line and paragraph separators (U+2028, U+2029) break a line where none is seen;
 * - bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) reorder
 *   what follows, so "moc.tfosorcim.ipa//:sptth" after U+202E reads as a Microsoft address;
 * - zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF) make two different names look the same.
 * Wherever such text is shown, each of them is written as a visible `\uXXXX` escape instead.
 */
const HIDDEN = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';

const everyHidden = new RegExp(`[${HIDDEN}]`, 'g');
const anyHidden = new RegExp(`[${HIDDEN}]`);

/** `\u202e` for U+202E: the escape a reader sees in place of the character. */
export function visibleEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every hidden character written as its escape. */
export function revealHidden(text: string): string {
  return text.replace(everyHidden, visibleEscape);
}

/**
 * The text with every hidden character written as its escape except the line breaks the writer put there itself
 * (`\n`, and `\r` right before `\n`): for output that is already made of escaped values.
 */
export function revealHiddenKeepingLineBreaks(text: string): string {
  return text.replace(everyHidden, (character: string, offset: number) => (character === '\n' || (character === '\r' && text[offset + 1] === '\n') ? character : visibleEscape(character)));
}

export function hasHiddenCharacters(text: string): boolean {
  return anyHidden.test(text);
}
