import { describe, expect, it } from 'vitest';
import { buildCsv, exportFileName } from './export-csv';

describe('CSV export of the visible rows', () => {
  it('writes a header and every row, reports progress by slice, and defuses formulas', async () => {
    const rows = Array.from({ length: 12_001 }, (_, index) => ({ name: index === 0 ? '=cmd|calc' : `Åsa ${String(index)}`, n: index }));
    const progress: number[] = [];
    const blob = await buildCsv({ length: rows.length, rowAt: (position) => rows[position] ?? { name: '', n: 0 }, columns: [{ header: 'Name', value: (row) => row.name }, { header: 'N', value: (row) => row.n }], onProgress: (done) => progress.push(done) });
    const text = await blob.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Name,N');
    expect(lines[1]).toBe("'=cmd|calc,0");
    expect(lines[12_001]).toBe('Åsa 12000,12000');
    expect(lines).toHaveLength(12_003);
    expect(progress).toEqual([5_000, 10_000, 12_001]);
  });

  it('stops when asked', async () => {
    const controller = new AbortController();
    const building = buildCsv({ length: 20_000, rowAt: () => ({}), columns: [{ header: 'x', value: () => 1 }], signal: controller.signal, onProgress: () => controller.abort() });
    await expect(building).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names the file after what, whose and when, safely', () => {
    expect(exportFileName('customers', 'Contoso Partner (demo)', new Date('2026-12-02T10:00:00Z'))).toBe('customers-Contoso-Partner-demo-2026-12-02.csv');
    expect(exportFileName('users', '../../etc', new Date('2026-12-02T10:00:00Z'))).toBe('users-etc-2026-12-02.csv');
  });
});
