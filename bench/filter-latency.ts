import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { normalizeForSearch, searchTerms } from '../renderer/src/features/partner-center/search-text';
import type { CustomerRow } from '../shared/partner-center/rows';
import type { KeystrokeTiming, ProbeWindow } from './chromium';
import { median } from './support';

/**
 * Filter latency in the Customers table: words typed into the search box one key at a time and deleted again with
 * Backspace, each keystroke timed from its keydown reaching the page until the table's DOM reflects it (the count the
 * same search gives, checked for every keystroke). The baseline is that same search as plain JavaScript in the same
 * page over the same strings, per keystroke, with no React and no DOM. Rounds are repeated; each round gives a p95,
 * and the median of the rounds is reported.
 */
export interface FilterLatencyResult {
  readonly rows: number;
  readonly words: readonly string[];
  readonly keystrokesPerRound: number;
  readonly rounds: number;
  /** Per round, the 95th percentile of keystroke → DOM, then their median. */
  readonly p95RoundsMs: readonly number[];
  readonly p95Ms: number;
  readonly medianMs: number;
  readonly maxMs: number;
  /** The part of it from the input event on (the app's handler: row index query, React render and commit), p95. */
  readonly inputHandlingP95Ms: number;
  /** The same keystrokes to the end of the next painted frame (includes waiting for the frame). */
  readonly toPaintP95Ms: number;
  readonly baselineP95RoundsMs: readonly number[];
  readonly baselineP95Ms: number;
  readonly baselineMedianMs: number;
  readonly ratio: number;
  readonly target: number;
  /** The most table rows in the DOM after any keystroke. */
  readonly maxDomRows: number;
  /** The slowest keystrokes of all rounds, with what the box held after them. */
  readonly slowest: readonly { readonly value: string; readonly ms: number; readonly shown: number }[];
}

/**
 * Words from the seeded world's company names and suffixes (one with an accent typed without it, one of two words), so
 * every keystroke narrows or widens a real result.
 */
export const FILTER_WORDS = ['fabrikam', 'soderhamn', 'tailspin gmbh', 'woodgrove'] as const;
/** The customers table searches these fields (CustomersTable's index options), joined as the row index joins them. */
const CUSTOMER_SEARCH_FIELDS = ['companyName', 'domain', 'tenantId', 'relationship'] as const;
/** A typist's pause between keys, so that each keystroke meets an idle page, as it does in use. */
const BETWEEN_KEYS_MS = 40;

interface Keystroke {
  /** What Playwright presses: a character to type, or Backspace. */
  readonly key: string;
  /** The search box's text after it. */
  readonly value: string;
}

function keystrokesFor(words: readonly string[]): Keystroke[] {
  const keys: Keystroke[] = [];
  for (const word of words) {
    for (let length = 1; length <= word.length; length++) keys.push({ key: word.charAt(length - 1), value: word.slice(0, length) });
    for (let length = word.length - 1; length >= 0; length--) keys.push({ key: 'Backspace', value: word.slice(0, length) });
  }
  return keys;
}

/** The 95th percentile (nearest rank). */
export function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

const round2 = (ms: number): number => Math.round(ms * 100) / 100;

export async function benchFilterLatency(page: Page, rows: readonly CustomerRow[], options: { readonly rounds: number; readonly target: number }): Promise<FilterLatencyResult> {
  const haystacks = rows.map((row) => normalizeForSearch(CUSTOMER_SEARCH_FIELDS.map((field) => row[field]).join('\n')));
  const keystrokes = keystrokesFor(FILTER_WORDS);
  const queries = keystrokes.map((keystroke) => searchTerms(keystroke.value));
  const search = page.getByRole('searchbox', { name: 'Search customers' });
  await search.fill('');
  await search.focus();
  // The probe's DOM watcher would otherwise run inside every timed keystroke.
  await page.evaluate(() => (globalThis as ProbeWindow).samDeskBench.stopWatching());

  const p95RoundsMs: number[] = [];
  const baselineP95RoundsMs: number[] = [];
  const all: (KeystrokeTiming & { readonly value: string; readonly shown: number })[] = [];
  const baselineAll: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const baseline = await page.evaluate((input) => (globalThis as ProbeWindow).samDeskBench.plainSearch(input), { haystacks, queries });
    baselineP95RoundsMs.push(p95(baseline.map((query) => query.ms)));
    baselineAll.push(...baseline.map((query) => query.ms));
    const timings: number[] = [];
    for (const [position, keystroke] of keystrokes.entries()) {
      const shown = baseline[position]?.count ?? 0;
      await page.evaluate((arm) => (globalThis as ProbeWindow).samDeskBench.armKeystroke(arm), { countTestId: 'customers-count', value: keystroke.value, shown, timeoutMs: 10_000 });
      if (keystroke.key === 'Backspace') await page.keyboard.press('Backspace');
      else await page.keyboard.type(keystroke.key);
      const timing = await page.evaluate(() => (globalThis as ProbeWindow).samDeskBench.keystrokeResult());
      if (!timing) throw new Error('the keystroke was not armed');
      timings.push(timing.ms);
      all.push({ ...timing, value: keystroke.value, shown });
      await sleep(BETWEEN_KEYS_MS);
    }
    p95RoundsMs.push(p95(timings));
  }
  const p95Ms = median(p95RoundsMs);
  const baselineP95Ms = median(baselineP95RoundsMs);
  return {
    rows: rows.length,
    words: FILTER_WORDS,
    keystrokesPerRound: keystrokes.length,
    rounds: options.rounds,
    p95RoundsMs: p95RoundsMs.map(round2),
    p95Ms: round2(p95Ms),
    medianMs: round2(median(all.map((timing) => timing.ms))),
    maxMs: round2(Math.max(...all.map((timing) => timing.ms))),
    inputHandlingP95Ms: round2(p95(all.map((timing) => timing.inputMs))),
    toPaintP95Ms: round2(p95(all.map((timing) => timing.toPaintMs))),
    baselineP95RoundsMs: baselineP95RoundsMs.map(round2),
    baselineP95Ms: round2(baselineP95Ms),
    baselineMedianMs: round2(median(baselineAll)),
    ratio: Number((p95Ms / Math.max(baselineP95Ms, 0.1)).toFixed(2)),
    target: options.target,
    maxDomRows: Math.max(...all.map((timing) => timing.rows)),
    slowest: [...all]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((timing) => ({ value: timing.value, ms: round2(timing.ms), shown: timing.shown })),
  };
}
