import { revealHidden, revealHiddenKeepingLineBreaks } from '../../shared/text/hidden-characters';

/**
 * Token claims, customer and user names are attacker-controlled text. Printed raw, an escape sequence in one could
 * rewrite the admin's terminal, and a direction override or a zero-width character could make a spoofed audience or
 * UPN look real; so every such character is shown as a visible \u escape instead (shared/text/hidden-characters).
 */

/** One line of the text report, with hidden characters (including line breaks inside values) made visible. */
export function terminalSafe(line: string): string {
  return revealHidden(line);
}

/**
 * JSON for scripts. JSON.stringify escapes C0 controls inside strings but leaves C1 (U+009B, a terminal's CSI),
 * direction overrides and zero-width characters raw; this escapes those too. The escapes are JSON's own, so a script
 * parses back exactly the text Microsoft sent; the only raw line breaks are the indentation's.
 */
export function terminalSafeJson(value: unknown): string {
  return terminalSafeOutput(JSON.stringify(value, null, 2));
}

/**
 * The last guard on everything `sam-desk` writes to stdout and stderr: whatever a command printed, no hidden character
 * leaves it raw except the line breaks of the output's own lines (`\n`, and CSV's `\r\n`).
 */
export function terminalSafeOutput(text: string): string {
  return revealHiddenKeepingLineBreaks(text);
}
