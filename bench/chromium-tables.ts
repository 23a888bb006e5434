import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Page } from '@playwright/test';
import type { LocalCloud } from '../emulators/local-cloud';
import { domRows, heapUsedBytes, openAppPage, waitForMark, type ProbeWindow } from './chromium';
import type { ConsentedProfile } from './consented-profile';
import { benchFilterLatency, type FilterLatencyResult } from './filter-latency';

/**
 * The Customers and users tables in Chromium with everything loaded, in one page: the renderer's heap with no data
 * (the baseline), the 50,000 customers live, the rows the virtualized table puts in the DOM against the rows a
 * person can see, filter latency while typing, then the 100,000-user customer's users synced (no offline copy of
 * them yet), their DOM rows, and the heap holding both sets.
 */
export interface TablesResult {
  readonly filter: FilterLatencyResult;
  readonly domRows: {
    readonly customers: { readonly rows: number; readonly visible: number; readonly total: number };
    readonly users: { readonly rows: number; readonly visible: number; readonly total: number };
    /** The most rows any table had in the DOM at any measured moment (after each keystroke too). */
    readonly max: number;
    readonly target: number;
  };
  readonly heap: {
    /** The app's page after start, nothing loaded (the baseline). */
    readonly emptyBytes: number;
    readonly customersBytes: number;
    /** 50,000 customers held by the window and the 100,000 users of the open customer. */
    readonly bothBytes: number;
    readonly ratio: number;
  };
  /** The large customer's users, online with no offline copy: click → first painted rows, and → all of them live. */
  readonly usersOnline: { readonly firstRowsAfterClickMs: number; readonly allAfterClickMs: number; readonly users: number };
}

export const DOM_ROWS_TARGET = 100;

/** The large customer shown alone (its tenant id is unique), then its users opened from its row. */
export async function openLargeCustomer(page: Page, customer: { readonly tenantId: string; readonly companyName: string }): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(customer.tenantId);
  await page.waitForSelector('[data-testid="customers-count"][data-shown="1"]');
  await page.getByTestId('customers-table-row').first().getByRole('button', { name: `Users of ${customer.companyName}` }).click();
}

export async function benchTables(options: {
  readonly context: BrowserContext;
  /** A launch address for each page (a launch code opens one). */
  readonly newLaunchUrl: () => Promise<string>;
  readonly cloud: LocalCloud;
  readonly profile: ConsentedProfile;
  readonly largeCustomer: { readonly tenantId: string; readonly companyName: string; readonly users: number };
  readonly filterRounds: number;
  readonly filterTarget: number;
}): Promise<TablesResult> {
  const { profile, largeCustomer } = options;
  const customers = options.cloud.state.world.customerCount;
  const page = await openAppPage(options.context, await options.newLaunchUrl(), { customers, users: largeCustomer.users });
  try {
    await page.getByRole('tab', { name: 'Customers' }).waitFor();
    // Let start-up work (profiles, connectivity, fonts) settle before the empty heap is read.
    await sleep(1_000);
    const emptyBytes = await heapUsedBytes(page);

    await page.getByRole('tab', { name: 'Customers' }).click();
    await waitForMark(page, 'customersLive', 60_000);
    await waitForMark(page, 'customersTotal', 5_000);
    const customerRows = await domRows(page, 'customers-table');
    const cached = await profile.services.partnerCenter.cachedCustomers(profile.profileId);
    if (cached.status !== 'ok' || cached.rows.length !== customers) throw new Error(`the offline copy of the customers is ${cached.status === 'ok' ? `${String(cached.rows.length)} rows` : cached.status}, not ${String(customers)}`);
    const filter = await benchFilterLatency(page, cached.rows, { rounds: options.filterRounds, target: options.filterTarget });
    await page.evaluate(() => (globalThis as ProbeWindow).samDeskBench.startWatching());
    const customersBytes = await heapUsedBytes(page);

    await openLargeCustomer(page, largeCustomer);
    const firstUsers = await waitForMark(page, 'usersFirstRow', 30_000);
    const usersLive = await waitForMark(page, 'usersLive', 120_000);
    await waitForMark(page, 'usersTotal', 5_000);
    const userRows = await domRows(page, 'users-table');
    const bothBytes = await heapUsedBytes(page);
    const clickToPaint = (mark: { readonly at: number; readonly paintedAt: number; readonly afterClick: number | null }): number => Math.round((mark.afterClick ?? 0) + mark.paintedAt - mark.at);
    return {
      filter,
      domRows: {
        customers: { ...customerRows, total: customers },
        users: { ...userRows, total: largeCustomer.users },
        max: Math.max(customerRows.rows, userRows.rows, filter.maxDomRows),
        target: DOM_ROWS_TARGET,
      },
      heap: { emptyBytes, customersBytes, bothBytes, ratio: Number((bothBytes / emptyBytes).toFixed(2)) },
      usersOnline: { firstRowsAfterClickMs: clickToPaint(firstUsers), allAfterClickMs: clickToPaint(usersLive), users: largeCustomer.users },
    };
  } finally {
    await page.close();
  }
}
