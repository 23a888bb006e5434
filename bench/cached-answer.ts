import { performance } from 'node:perf_hooks';
import { methods } from '../shared/ipc/contract';
import type { CachedRows } from '../shared/partner-center/sync-shapes';
import { median } from './support';

/**
 * What main does to answer `customers.cached` or `users.cached`, step by step in this process (warm, no HTTP): the
 * encrypted cache read (keychain key, file, decrypt, parse), the dispatcher's check of the response against the
 * contract, and the JSON the bridge sends. The baseline for the offline start, and the split of main's share of it.
 */
export interface CachedAnswerTiming {
  readonly readMs: number;
  readonly validateMs: number;
  readonly serializeMs: number;
  /** Bytes of JSON the window receives. */
  readonly bytes: number;
}

/** Each step timed `samples` times in a row; the medians are returned, so one slow keychain answer does not decide. */
export async function timeCachedAnswer<T>(method: 'customers.cached' | 'users.cached', read: () => Promise<CachedRows<T>>, expectedRows: number, samples = 3): Promise<CachedAnswerTiming> {
  const readMs: number[] = [];
  const validateMs: number[] = [];
  const serializeMs: number[] = [];
  let bytes = 0;
  for (let sample = 0; sample < samples; sample++) {
    let start = performance.now();
    const cached = await read();
    readMs.push(performance.now() - start);
    if (cached.status !== 'ok' || cached.rows.length !== expectedRows) throw new Error(`the offline copy behind ${method} is ${cached.status === 'ok' ? `${String(cached.rows.length)} rows, not ${String(expectedRows)}` : cached.status}`);
    start = performance.now();
    const value: unknown = methods[method].response.parse(cached);
    validateMs.push(performance.now() - start);
    start = performance.now();
    const json = JSON.stringify({ ok: true, value });
    serializeMs.push(performance.now() - start);
    bytes = Buffer.byteLength(json);
  }
  return { readMs: median(readMs), validateMs: median(validateMs), serializeMs: median(serializeMs), bytes };
}
