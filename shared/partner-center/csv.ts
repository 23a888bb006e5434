/**
 * CSV for exports that admins open in Excel. Fields are quoted when needed, and a cell that starts like a formula
 * (= + - @, tab, carriage return) gets a leading apostrophe: customer and user names come from other tenants, and
 * a name such as "=HYPERLINK(…)" must not become a live formula on the admin's machine.
 */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
