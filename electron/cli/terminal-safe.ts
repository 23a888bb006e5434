/**
 * Token claims are attacker-controlled text. Printed raw, an escape sequence in a claim could rewrite the admin's
 * terminal, so every control character is shown as a visible \u escape instead.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const escape = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of the text report, with control characters (including line breaks inside values) made visible. */
export function terminalSafe(line: string): string {
  return line.replace(controlCharacters, escape);
}

/** JSON.stringify escapes C0 controls but leaves C1 (e.g. U+009B, a terminal's CSI) raw; this escapes those too. */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, escape);
}
