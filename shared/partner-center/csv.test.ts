import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

describe('CSV export', () => {
  it('quotes what needs quoting and keeps non-ASCII names', () => {
    expect(csvLine(['Café Lumière AB', 'a,b', 'say "hi"', 'two\nlines', 42, null])).toBe('Café Lumière AB,"a,b","say ""hi""","two\nlines",42,\r\n');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('ordinary')).toBe('ordinary');
  });
});
