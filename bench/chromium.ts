import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { median } from './support';

/**
 * Debian's Chromium driven by Playwright (it cannot download a browser of its own here), with the e2e tests' flags,
 * and SAM Desk's page in it with bench/page-probe.js watching. The probe's API is typed below; the functions passed
 * to page.evaluate stay one-liners that only call it, since they are serialized into the page as text.
 */
export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'];

/** A desktop-sized window: the tables then show (and must render) more rows than in the default 1280 × 720. */
const VIEWPORT = { width: 1920, height: 1080 };

export async function launchChromium(): Promise<Browser> {
  // The keychain session's bus is for the app's secrets; Chromium needs none of it (it would only start services there).
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0] !== 'DBUS_SESSION_BUS_ADDRESS' && entry[1] !== undefined));
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, env, timeout: 30_000 });
}

export async function newAppContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-US', viewport: VIEWPORT, deviceScaleFactor: 1 });
}

/** A moment the probe noted, in ms since the navigation started, and the same moment after the next painted frame. */
export interface Mark {
  readonly at: number;
  readonly paintedAt: number | null;
  /** Time since the last click in the page, when there was one. */
  readonly afterClick: number | null;
}

export type MarkName =
  | 'customersTab'
  | 'customersTabClicked'
  | 'customersFirstRow'
  | 'customersTotal'
  | 'customersLive'
  | 'customersOffline'
  | 'usersFirstRow'
  | 'usersTotal'
  | 'usersLive'
  | 'usersOffline';

export interface ProbeConfig {
  /** Click the Customers tab as soon as it exists. */
  readonly autoOpen?: boolean;
  /** The customers-count total that means every customer is in. */
  readonly customers?: number;
  /** The users-count total that means every user of the open customer is in. */
  readonly users?: number;
}

export interface KeystrokeTiming {
  /** From keydown reaching the page to the table's DOM reflecting it. */
  readonly ms: number;
  /** From the input event (the search box's new text) to the same moment: the app's handling of it alone. */
  readonly inputMs: number;
  /** The same, to the end of the next painted frame. */
  readonly toPaintMs: number;
  /** Table rows in the DOM afterwards. */
  readonly rows: number;
}

interface Probe {
  marks(): Partial<Record<MarkName, Mark>>;
  whenPainted(name: MarkName, timeoutMs: number): Promise<Mark>;
  firstContentfulPaint(): number | null;
  forget(names: readonly MarkName[]): void;
  stopWatching(): void;
  startWatching(): void;
  armKeystroke(options: { readonly countTestId: string; readonly value: string; readonly shown: number; readonly timeoutMs: number }): boolean;
  keystrokeResult(): Promise<KeystrokeTiming> | null;
  plainSearch(options: { readonly haystacks: readonly string[]; readonly queries: readonly (readonly string[])[] }): { ms: number; count: number }[];
  domRows(tableTestId: string): { rows: number; visible: number };
}

/** The page's global object as the probe extends it. */
export type ProbeWindow = typeof globalThis & { readonly samDeskBench: Probe };

const probePath = fileURLToPath(new URL('page-probe.js', import.meta.url));

/** A new page of `context` with the probe installed, navigated to the app; `beforeNavigation` may start watching it. */
export async function openAppPage(context: BrowserContext, url: string, config: ProbeConfig, beforeNavigation?: (page: Page) => void): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.addInitScript({ content: `window.samDeskBenchConfig = ${JSON.stringify(config)};` });
  await page.addInitScript({ path: probePath });
  beforeNavigation?.(page);
  await page.goto(url);
  return page;
}

export async function marks(page: Page): Promise<Partial<Record<MarkName, Mark>>> {
  return page.evaluate(() => (globalThis as ProbeWindow).samDeskBench.marks());
}

/** Waits until the probe has noted `name` and the frame after it was painted. */
export async function waitForMark(page: Page, name: MarkName, timeoutMs: number): Promise<Mark & { readonly paintedAt: number }> {
  const mark = await page.evaluate(([wanted, timeout]) => (globalThis as ProbeWindow).samDeskBench.whenPainted(wanted, timeout), [name, timeoutMs] as const);
  if (mark.paintedAt === null) throw new Error(`the probe lost its ${name} mark`);
  return { ...mark, paintedAt: mark.paintedAt };
}

export async function firstContentfulPaint(page: Page): Promise<number> {
  const fcp = await page.evaluate(() => (globalThis as ProbeWindow).samDeskBench.firstContentfulPaint());
  if (fcp === null) throw new Error('the page reported no first contentful paint');
  return fcp;
}

/** The page's JavaScript heap in use after a full garbage collection (the median of three, in bytes). */
export async function heapUsedBytes(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    const samples: number[] = [];
    for (let sample = 0; sample < 3; sample++) {
      await session.send('HeapProfiler.collectGarbage');
      const usage = await session.send('Runtime.getHeapUsage');
      samples.push(usage.usedSize);
    }
    return median(samples);
  } finally {
    await session.detach();
  }
}

export async function domRows(page: Page, tableTestId: string): Promise<{ rows: number; visible: number }> {
  return page.evaluate((id) => (globalThis as ProbeWindow).samDeskBench.domRows(id), tableTestId);
}

/** One contract call the page made over browser mode's HTTP bridge, in the page's time (ms since navigation start). */
export interface CallTiming {
  readonly sentAt: number;
  /** Until the first byte of the answer: main's work (handler, validation, serialization). */
  readonly serverMs: number;
  /** Until the last byte. */
  readonly answeredAt: number;
}

/**
 * Notes when the page's calls of the given contract methods went out and were answered, so that a time to rows can
 * be split into main's answer and the window's work after it.
 */
export function recordCalls(page: Page, methods: readonly string[]): () => Promise<Partial<Record<string, CallTiming>>> {
  const calls: Record<string, { readonly startTime: number; readonly requestStart: number; readonly responseStart: number; readonly responseEnd: number }> = {};
  page.on('requestfinished', (request) => {
    const method = /\/api\/call\/([^/?]+)$/.exec(request.url())?.[1];
    if (method !== undefined && methods.includes(method) && !(method in calls)) calls[method] = request.timing();
  });
  return async () => {
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    return Object.fromEntries(
      Object.entries(calls).map(([method, timing]) => [
        method,
        { sentAt: timing.startTime - timeOrigin + timing.requestStart, serverMs: timing.responseStart - timing.requestStart, answeredAt: timing.startTime - timeOrigin + timing.responseEnd },
      ]),
    );
  };
}
