import type { BrowserContext } from '@playwright/test';
import { launchBrowserModeApp, type BrowserModeApp } from './browser-mode-app';
import { timeCachedAnswer, type CachedAnswerTiming } from './cached-answer';
import { firstContentfulPaint, openAppPage, recordCalls, waitForMark, type CallTiming, type Mark } from './chromium';
import { openLargeCustomer } from './chromium-tables';
import type { ConsentedProfile } from './consented-profile';
import { median } from './support';

/**
 * Offline cold start with the offline copy of both sets: the local cloud is gone, and each run starts SAM Desk again
 * (a new process) on the same settings folder and port, opens a new page, clicks Customers the moment the tab
 * exists, and notes the first painted frame with customer rows; then opens the 100,000-user customer, whose users
 * come from the offline copy. Baselines from the same run: the shell's first contentful paint in the same
 * navigation, and the app's own read of the same cache files in Node (keychain key, file, decrypt, parse), which is
 * what the window waits for before it can show anything.
 */
export interface OfflineStartResult {
  readonly runs: number;
  readonly customers: {
    /** Navigation start → first painted frame with customer rows (from the offline copy). */
    readonly firstRowsMedianMs: number;
    readonly runsMs: readonly number[];
    readonly shellFirstPaintMedianMs: number;
    readonly ratioToShellPaint: number;
    /** Click on the Customers tab → first painted rows. */
    readonly afterClickMedianMs: number;
    /** The app's cache read of the customers alone, in Node. */
    readonly cacheReadMedianMs: number;
    readonly ratioAfterClickToCacheRead: number;
    /** Navigation start → the table marked offline (the refresh failed as a network error). */
    readonly offlineShownMedianMs: number;
    /** Where the time after the click goes: main's answer to customers.cached (to its first byte), then the window. */
    readonly breakdown: Breakdown;
    /** Main's answer step by step in the bench's own process (warm, no HTTP). */
    readonly mainInProcess: CachedAnswerTiming;
  };
  readonly users: {
    readonly users: number;
    /** Click on "Users of …" → first painted frame with user rows (from the offline copy). */
    readonly firstRowsAfterClickMedianMs: number;
    readonly runsMs: readonly number[];
    /** The app's cache read of those users alone, in Node. */
    readonly cacheReadMedianMs: number;
    readonly ratioToCacheRead: number;
    readonly breakdown: Breakdown;
    /** Main's answer step by step in the bench's own process (warm, no HTTP). */
    readonly mainInProcess: CachedAnswerTiming;
  };
}

/** Medians over the runs of one `*.cached` call's part in the time to rows. */
export interface Breakdown {
  /** Click → the call sent (the view mounting, the profile being read). */
  readonly beforeCallMs: number;
  /** Main's work until the first byte of the answer (cache read, response validation, serialization). */
  readonly serverMs: number;
  /** First byte → last byte. */
  readonly transferMs: number;
  /** Last byte → first painted rows (parse, row index, render). */
  readonly windowMs: number;
}

interface BreakdownSample {
  readonly beforeCallMs: number;
  readonly serverMs: number;
  readonly transferMs: number;
  readonly windowMs: number;
}

function breakdownOf(clickedAt: number, call: CallTiming | undefined, paintedAt: number): BreakdownSample {
  if (!call) throw new Error('the page made no cached-rows call');
  const firstByteAt = call.sentAt + call.serverMs;
  return { beforeCallMs: call.sentAt - clickedAt, serverMs: call.serverMs, transferMs: call.answeredAt - firstByteAt, windowMs: paintedAt - call.answeredAt };
}

function medianAnswer(samples: readonly CachedAnswerTiming[]): CachedAnswerTiming {
  const of = (pick: (sample: CachedAnswerTiming) => number): number => round1(median(samples.map(pick)));
  return { readMs: of((sample) => sample.readMs), validateMs: of((sample) => sample.validateMs), serializeMs: of((sample) => sample.serializeMs), bytes: samples[0]?.bytes ?? 0 };
}

function medianBreakdown(samples: readonly BreakdownSample[]): Breakdown {
  const of = (pick: (sample: BreakdownSample) => number): number => round1(median(samples.map(pick)));
  return { beforeCallMs: of((sample) => sample.beforeCallMs), serverMs: of((sample) => sample.serverMs), transferMs: of((sample) => sample.transferMs), windowMs: of((sample) => sample.windowMs) };
}

const round1 = (ms: number): number => Math.round(ms * 10) / 10;
const afterClickPainted = (mark: Mark & { readonly paintedAt: number }): number => (mark.afterClick ?? 0) + mark.paintedAt - mark.at;

export async function benchOfflineStart(options: {
  readonly context: BrowserContext;
  readonly profile: ConsentedProfile;
  readonly port: number;
  readonly customers: number;
  readonly largeCustomer: { readonly id: string; readonly tenantId: string; readonly companyName: string; readonly users: number };
  readonly runs: number;
}): Promise<OfflineStartResult> {
  const { profile, largeCustomer } = options;
  const data = profile.services.partnerCenter;
  const firstRows: number[] = [];
  const shellPaint: number[] = [];
  const customersAfterClick: number[] = [];
  const offlineShown: number[] = [];
  const usersAfterClick: number[] = [];
  const customersAnswer: CachedAnswerTiming[] = [];
  const usersAnswer: CachedAnswerTiming[] = [];
  const customersBreakdown: BreakdownSample[] = [];
  const usersBreakdown: BreakdownSample[] = [];
  for (let run = 0; run < options.runs; run++) {
    customersAnswer.push(await timeCachedAnswer('customers.cached', () => data.cachedCustomers(profile.profileId), options.customers));
    usersAnswer.push(await timeCachedAnswer('users.cached', () => data.cachedUsers(profile.profileId, largeCustomer.id), largeCustomer.users));
    let app: BrowserModeApp | null = null;
    try {
      app = await launchBrowserModeApp({ home: profile.home, port: options.port });
      const calls: { read: ReturnType<typeof recordCalls> | null } = { read: null };
      const page = await openAppPage(options.context, app.url, { autoOpen: true, customers: options.customers, users: largeCustomer.users }, (opened) => (calls.read = recordCalls(opened, ['customers.cached', 'users.cached'])));
      try {
        const clicked = await waitForMark(page, 'customersTabClicked', 30_000);
        const rows = await waitForMark(page, 'customersFirstRow', 30_000);
        await waitForMark(page, 'customersTotal', 30_000);
        const offline = await waitForMark(page, 'customersOffline', 30_000);
        firstRows.push(rows.paintedAt);
        customersAfterClick.push(rows.paintedAt - clicked.at);
        offlineShown.push(offline.paintedAt);
        shellPaint.push(await firstContentfulPaint(page));

        await openLargeCustomer(page, largeCustomer);
        const users = await waitForMark(page, 'usersFirstRow', 60_000);
        await waitForMark(page, 'usersTotal', 60_000);
        await waitForMark(page, 'usersOffline', 30_000);
        usersAfterClick.push(afterClickPainted(users));
        const timings = calls.read ? await calls.read() : {};
        customersBreakdown.push(breakdownOf(clicked.at, timings['customers.cached'], rows.paintedAt));
        usersBreakdown.push(breakdownOf(users.at - (users.afterClick ?? 0), timings['users.cached'], users.paintedAt));
      } finally {
        await page.close();
      }
    } finally {
      await app?.stop();
    }
  }
  const firstRowsMedianMs = median(firstRows);
  const shellFirstPaintMedianMs = median(shellPaint);
  const afterClickMedianMs = median(customersAfterClick);
  const cacheReadMedianMs = median(customersAnswer.map((answer) => answer.readMs));
  const usersMedianMs = median(usersAfterClick);
  const usersReadMedianMs = median(usersAnswer.map((answer) => answer.readMs));
  return {
    runs: options.runs,
    customers: {
      firstRowsMedianMs: round1(firstRowsMedianMs),
      runsMs: firstRows.map(round1),
      shellFirstPaintMedianMs: round1(shellFirstPaintMedianMs),
      ratioToShellPaint: Number((firstRowsMedianMs / shellFirstPaintMedianMs).toFixed(2)),
      afterClickMedianMs: round1(afterClickMedianMs),
      cacheReadMedianMs: round1(cacheReadMedianMs),
      ratioAfterClickToCacheRead: Number((afterClickMedianMs / cacheReadMedianMs).toFixed(2)),
      offlineShownMedianMs: round1(median(offlineShown)),
      breakdown: medianBreakdown(customersBreakdown),
      mainInProcess: medianAnswer(customersAnswer),
    },
    users: {
      users: largeCustomer.users,
      firstRowsAfterClickMedianMs: round1(usersMedianMs),
      runsMs: usersAfterClick.map(round1),
      cacheReadMedianMs: round1(usersReadMedianMs),
      ratioToCacheRead: Number((usersMedianMs / usersReadMedianMs).toFixed(2)),
      breakdown: medianBreakdown(usersBreakdown),
      mainInProcess: medianAnswer(usersAnswer),
    },
  };
}
