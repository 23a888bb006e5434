import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';
import { parseCsv } from './testing/parse-csv';

describe('CSV export', () => {
  it('quotes what needs quoting and keeps non-ASCII names', () => {
    expect(csvLine(['Café Lumière AB', 'a,b', 'say "hi"', 42, null])).toBe('Café Lumière AB,"a,b","say ""hi""",42,\r\n');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('ordinary')).toBe('ordinary');
    expect(csvCell('\t=1+1')).toBe('\\u0009=1+1');
  });

  it('writes control, direction and zero-width characters as visible escapes, each value still one field', () => {
    const hostile = ['Evil\u001b[2J Corp', 'C1\u009b31m', 'admin@\u202emoc.tfosorcim', 'ad\u200dmin', 'two\r\nlines, "quoted"'];
    const line = csvLine(hostile);
    // eslint-disable-next-line no-control-regex -- asserting that control characters are absent
    expect(line.slice(0, -2)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/);
    expect(line).toBe('Evil\\u001b[2J Corp,C1\\u009b31m,admin@\\u202emoc.tfosorcim,ad\\u200dmin,"two\\u000d\\u000alines, ""quoted"""\r\n');
    expect(parseCsv(line)).toEqual([['Evil\\u001b[2J Corp', 'C1\\u009b31m', 'admin@\\u202emoc.tfosorcim', 'ad\\u200dmin', 'two\\u000d\\u000alines, "quoted"']]);
  });
});
