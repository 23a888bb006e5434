import type { CustomersSyncResult } from './customers-sync';
import type { CachedAnswerTiming } from './cached-answer';
import type { Breakdown } from './offline-start';
import type { PartnerScaleResult } from './partner-scale';
import type { UsersSyncThrottledResult } from './users-sync-throttled';

/** One line per measurement for stdout: the median, the baseline beside it, the ratio, and the target if there is one. */
const n = (value: number): string => value.toLocaleString('en-US');
const ms = (value: number): string => `${n(value)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
const inNode = (answer: CachedAnswerTiming): string => `in Node: read ${ms(answer.readMs)}, contract check ${ms(answer.validateMs)}, JSON ${ms(answer.serializeMs)} for ${mb(answer.bytes)}`;
const parts = (breakdown: Breakdown): string => `click → call ${ms(breakdown.beforeCallMs)}, main's answer ${ms(breakdown.serverMs)}, transfer ${ms(breakdown.transferMs)}, window to paint ${ms(breakdown.windowMs)}`;

export function customersSyncLine(customers: CustomersSyncResult): string {
  return `Customers sync (${n(customers.customers)} customers, app service path, median of ${String(customers.runs)}): service ${ms(customers.serviceMedianMs)} vs baseline ${ms(customers.baselineMedianMs)} (fetch + parse) → ratio ${String(customers.ratio)} (target ≤ ${String(customers.target)}, ${verdict(customers.ratio <= customers.target)})`;
}

export function usersThrottledLine(users: UsersSyncThrottledResult): string {
  return `Throttled users sync (${n(users.customers)} customers, ${n(users.requests)} requests, budget ${String(users.budget.requests)} per ${String(users.budget.retryAfterSeconds)} s, concurrency ${String(users.concurrency)}, median of ${String(users.runs)}): service ${ms(users.medianMs)} vs minimum ${ms(users.minimumMs)} → ratio ${String(users.ratio)} (unthrottled ${ms(users.unthrottledMs)}; idle beyond Retry-After ${ms(users.idleBeyondWaitsMedianMs)} over all waits; at most ${String(users.maxAttempts)} attempts per request; no target set)`;
}

export function partnerScaleLines(result: PartnerScaleResult): string[] {
  const { firstRows, tables, offlineStart } = result;
  const { filter, domRows, heap, usersOnline } = tables;
  const domMet = domRows.max <= domRows.target;
  return [
    `First customer rows, cold (no offline copy, Chromium, median of ${String(firstRows.runs)}): ${ms(firstRows.medianMs)} from navigation vs shell first paint ${ms(firstRows.shellFirstPaintMedianMs)} → ratio ${String(firstRows.ratioToShellPaint)}; ${ms(firstRows.afterClickMedianMs)} after the click (in the DOM at ${ms(firstRows.afterClickInDomMedianMs)}) vs first page fetch + parse ${ms(firstRows.firstPageFetchMedianMs)} → ratio ${String(firstRows.ratioAfterClickToFirstPage)}; all ${n(result.customersSync.customers)} live ${ms(firstRows.allRowsAfterClickMedianMs)} after the click (no target set)`,
    `Filter latency (${n(filter.rows)} customers, ${String(filter.keystrokesPerRound)} keystrokes × ${String(filter.rounds)} rounds): p95 ${ms(filter.p95Ms)} keystroke → DOM (median of rounds; median ${ms(filter.medianMs)}, max ${ms(filter.maxMs)}, input handling alone p95 ${ms(filter.inputHandlingP95Ms)}, to next paint p95 ${ms(filter.toPaintP95Ms)}) vs plain JS search p95 ${ms(filter.baselineP95Ms)} → ratio ${String(filter.ratio)} (target p95 ≤ ${String(filter.target)} ms, ${verdict(filter.p95Ms <= filter.target)})`,
    `Rendered DOM rows: customers ${String(domRows.customers.rows)} for ${n(domRows.customers.total)} (visible ${String(domRows.customers.visible)}), users ${String(domRows.users.rows)} for ${n(domRows.users.total)} (visible ${String(domRows.users.visible)}), at most ${String(domRows.max)} at any measured moment vs visible rows → ratio ${(domRows.max / Math.max(1, domRows.customers.visible, domRows.users.visible)).toFixed(2)} (target ≤ ${String(domRows.target)}, ${verdict(domMet)})`,
    `Renderer heap after loading both sets (${n(result.customersSync.customers)} customers + ${n(usersOnline.users)} users): ${mb(heap.bothBytes)} vs ${mb(heap.emptyBytes)} with no data → ratio ${String(heap.ratio)} (customers only ${mb(heap.customersBytes)}; no target set)`,
    `Users of the ${n(usersOnline.users)}-user customer, online, no offline copy: first rows ${ms(usersOnline.firstRowsAfterClickMs)} after the click, all live ${ms(usersOnline.allAfterClickMs)} (no target set)`,
    `Offline cold start, customers (relaunched app, cloud stopped, median of ${String(offlineStart.runs)}): first rows ${ms(offlineStart.customers.firstRowsMedianMs)} from navigation vs shell first paint ${ms(offlineStart.customers.shellFirstPaintMedianMs)} → ratio ${String(offlineStart.customers.ratioToShellPaint)}; ${ms(offlineStart.customers.afterClickMedianMs)} after the click vs the cache read in Node ${ms(offlineStart.customers.cacheReadMedianMs)} → ratio ${String(offlineStart.customers.ratioAfterClickToCacheRead)}; marked offline at ${ms(offlineStart.customers.offlineShownMedianMs)}; ${parts(offlineStart.customers.breakdown)}; ${inNode(offlineStart.customers.mainInProcess)} (no target set)`,
    `Offline cold start, users of the ${n(offlineStart.users.users)}-user customer from the offline copy (median of ${String(offlineStart.runs)}): first rows ${ms(offlineStart.users.firstRowsAfterClickMedianMs)} after the click vs the cache read in Node ${ms(offlineStart.users.cacheReadMedianMs)} → ratio ${String(offlineStart.users.ratioToCacheRead)}; ${parts(offlineStart.users.breakdown)}; ${inNode(offlineStart.users.mainInProcess)} (no target set)`,
  ];
}
