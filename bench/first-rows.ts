import { performance } from 'node:perf_hooks';
import type { BrowserContext } from '@playwright/test';
import type { LocalCloud } from '../emulators/local-cloud';
import { removeProfileCaches } from '../electron/services/partner-center/cache-files';
import { firstContentfulPaint, openAppPage, waitForMark } from './chromium';
import type { ConsentedProfile } from './consented-profile';
import { median, partnerCenterToken } from './support';

/**
 * Time to the first customers rows with no offline copy yet (cold), in Chromium against browser mode: a new page
 * navigates to the app, the Customers tab is clicked the moment it exists, and the first painted frame with table
 * rows is noted. Before each run the profile's cache files are deleted, so the rows can only come from Partner
 * Center through the app (cached read, sync, first page, event stream, render). Baselines from the same run: the app
 * shell's own first contentful paint in the same navigation, and the first page alone (fetched and parsed in Node
 * with a bearer token) for the part after the click.
 */
export interface FirstRowsResult {
  readonly runs: number;
  /** Navigation start → first painted frame with customer rows. */
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  /** Navigation start → the shell's first contentful paint (same navigations). */
  readonly shellFirstPaintMedianMs: number;
  readonly ratioToShellPaint: number;
  /** Click on the Customers tab → first painted frame with rows. */
  readonly afterClickMedianMs: number;
  /** Click → the first rows in the DOM (the rest, to the paint, is the window busy with the pages after it). */
  readonly afterClickInDomMedianMs: number;
  /** The first page of 500 customers fetched and parsed, nothing else. */
  readonly firstPageFetchMedianMs: number;
  readonly ratioAfterClickToFirstPage: number;
  /** Click → every customer in and the sync done (the table live). */
  readonly allRowsAfterClickMedianMs: number;
  /** The first run, in the app process's first use of the profile (it redeems the refresh token then). */
  readonly firstRunMs: number;
}

const FIRST_PAGE = '/customers?size=500';

async function fetchFirstPage(cloud: LocalCloud, bearer: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${cloud.endpoints.partnerCenter}/v1${FIRST_PAGE}`, { headers: { authorization: `Bearer ${bearer}` } });
  const body = (await response.json()) as { items?: unknown[] };
  if (!Array.isArray(body.items) || body.items.length === 0) throw new Error(`the first page of customers came back empty (${String(response.status)})`);
  return performance.now() - start;
}

const round1 = (ms: number): number => Math.round(ms * 10) / 10;

export async function benchFirstRows(options: { readonly context: BrowserContext; readonly newLaunchUrl: () => Promise<string>; readonly cloud: LocalCloud; readonly profile: ConsentedProfile; readonly runs: number }): Promise<FirstRowsResult> {
  const { cloud, profile } = options;
  const customers = cloud.state.world.customerCount;
  const bearer = await partnerCenterToken(cloud);
  const firstRows: number[] = [];
  const shellPaint: number[] = [];
  const afterClick: number[] = [];
  const inDom: number[] = [];
  const allRows: number[] = [];
  const firstPage: number[] = [];
  // Run 0 also counts: it is the coldest (the app process's first sync), and it is reported on its own as well.
  for (let run = 0; run < options.runs; run++) {
    await removeProfileCaches(profile.home, profile.profileId);
    firstPage.push(await fetchFirstPage(cloud, bearer));
    const page = await openAppPage(options.context, await options.newLaunchUrl(), { autoOpen: true, customers });
    try {
      const clicked = await waitForMark(page, 'customersTabClicked', 30_000);
      const rows = await waitForMark(page, 'customersFirstRow', 30_000);
      const live = await waitForMark(page, 'customersLive', 60_000);
      await waitForMark(page, 'customersTotal', 5_000);
      firstRows.push(rows.paintedAt);
      afterClick.push(rows.paintedAt - clicked.at);
      inDom.push(rows.at - clicked.at);
      allRows.push(live.paintedAt - clicked.at);
      shellPaint.push(await firstContentfulPaint(page));
    } finally {
      await page.close();
    }
  }
  const medianMs = median(firstRows);
  const shellFirstPaintMedianMs = median(shellPaint);
  const afterClickMedianMs = median(afterClick);
  const firstPageFetchMedianMs = median(firstPage);
  return {
    runs: options.runs,
    medianMs: round1(medianMs),
    runsMs: firstRows.map(round1),
    shellFirstPaintMedianMs: round1(shellFirstPaintMedianMs),
    ratioToShellPaint: Number((medianMs / shellFirstPaintMedianMs).toFixed(2)),
    afterClickMedianMs: round1(afterClickMedianMs),
    afterClickInDomMedianMs: round1(median(inDom)),
    firstPageFetchMedianMs: round1(firstPageFetchMedianMs),
    ratioAfterClickToFirstPage: Number((afterClickMedianMs / firstPageFetchMedianMs).toFixed(2)),
    allRowsAfterClickMedianMs: round1(median(allRows)),
    firstRunMs: round1(firstRows[0] ?? 0),
  };
}
