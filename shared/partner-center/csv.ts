import { revealHidden } from '../text/hidden-characters';

/**
 * CSV for exports that admins open in Excel and for `sam-desk … --csv`. Customer and user names come from other
 * tenants, so a cell is made safe before it is quoted:
 * - control, direction-changing and zero-width characters (line breaks inside a value included) are written as
 *   visible `\u001b`-style escapes, so an escape sequence cannot reach a terminal, a name cannot pose as another,
 *   and every record stays on one line; the only raw line breaks are the records' own `\r\n`;
 * - a cell that starts like a formula (= + - @) gets a leading apostrophe, so "=HYPERLINK(…)" never becomes a live
 *   formula on the admin's machine;
 * - a cell with a quote or a comma is quoted, so each value stays one field.
 */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  const visible = revealHidden(text);
  const safe = /^[=+\-@]/.test(visible) ? `'${visible}` : visible;
  return /[",]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
