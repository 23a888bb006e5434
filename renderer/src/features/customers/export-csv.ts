import { csvLine } from '../../../../shared/partner-center/csv';

/**
 * Exports the rows a table shows (after search and filters) as a CSV file the admin's spreadsheet opens. Rows are
 * turned into text a slice at a time, yielding to the event loop between slices, so 100,000 rows never freeze the
 * window and the progress can be shown; the file is then handed to the browser's (or Electron's) save flow.
 */
export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | null;
}

const SLICE = 5_000;

export async function buildCsv<T>(options: {
  readonly length: number;
  readonly rowAt: (position: number) => T;
  readonly columns: readonly CsvColumn<T>[];
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}): Promise<Blob> {
  // A byte order mark, so Excel reads the UTF-8 names (Åsa Öberg) correctly.
  const parts: string[] = ['\uFEFF', csvLine(options.columns.map((column) => column.header))];
  for (let start = 0; start < options.length; start += SLICE) {
    if (options.signal?.aborted) throw new DOMException('The export was stopped.', 'AbortError');
    const end = Math.min(options.length, start + SLICE);
    let chunk = '';
    for (let position = start; position < end; position++) {
      const row = options.rowAt(position);
      chunk += csvLine(options.columns.map((column) => column.value(row)));
    }
    parts.push(chunk);
    options.onProgress?.(end, options.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** Offers the file for saving: a download in a browser tab, the save dialog in the desktop app. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the download has taken the data.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name an admin recognises later: what, whose, when; only characters every file system accepts. */
export function exportFileName(what: string, whose: string, now: Date): string {
  const safe = whose.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'export';
  return `${what}-${safe}-${now.toISOString().slice(0, 10)}.csv`;
}
