import type { Browser } from '@playwright/test';
import { startLocalCloud } from '../emulators/local-cloud';
import { launchBrowserModeApp, type BrowserModeApp } from './browser-mode-app';
import { launchChromium, newAppContext } from './chromium';
import { benchTables, type TablesResult } from './chromium-tables';
import { createConsentedProfile, type ConsentedProfile } from './consented-profile';
import { benchCustomersSync, type CustomersSyncResult } from './customers-sync';
import { benchFirstRows, type FirstRowsResult } from './first-rows';
import { benchOfflineStart, type OfflineStartResult } from './offline-start';

/**
 * The partner-scale benchmarks, against one emulator seeded with 50,000 customers and a customer with 100,000 users:
 * the customers sync through the app's service, then SAM Desk in browser mode in Chromium (first rows, the tables
 * loaded, filter latency, heap), then, with the local cloud stopped, the offline cold start. Everything started
 * here is stopped in `finally`, whatever fails: the browser, the app, the cloud, and the profile's keychain items.
 */
export interface PartnerScaleOptions {
  readonly tlsDirectory: string;
  readonly customers: number;
  readonly largeCustomerUsers: number;
  readonly syncRuns: number;
  readonly firstRowsRuns: number;
  readonly filterRounds: number;
  readonly filterTargetMs: number;
  readonly offlineRuns: number;
}

export interface PartnerScaleResult {
  readonly customersSync: CustomersSyncResult;
  readonly firstRows: FirstRowsResult;
  readonly tables: TablesResult;
  readonly offlineStart: OfflineStartResult;
}

/** Far beyond a normal run (about two minutes): past it something hangs, and the cleanup below must still run. */
const DEADLINE_MS = 8 * 60_000;

async function beforeDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`the partner-scale benchmarks did not finish within ${String(DEADLINE_MS / 60_000)} minutes`)), DEADLINE_MS)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function benchPartnerScale(options: PartnerScaleOptions): Promise<PartnerScaleResult> {
  const cloud = await startLocalCloud({
    tlsDirectory: options.tlsDirectory,
    world: { seed: 50, customers: options.customers, maxUsersPerCustomer: 5, largeCustomers: [{ index: 0, users: options.largeCustomerUsers }] },
  });
  let cloudRunning = true;
  const stopCloud = async (): Promise<void> => {
    if (!cloudRunning) return;
    cloudRunning = false;
    await cloud.close();
  };
  // What is running, for the cleanup: filled in as things start, emptied as they are stopped on purpose.
  const running: { profile: ConsentedProfile | null; browser: Browser | null; app: BrowserModeApp | null } = { profile: null, browser: null, app: null };
  const measure = async (): Promise<PartnerScaleResult> => {
    const first = cloud.state.world.customerAt(0);
    if (!first) throw new Error('the seeded world has no customers');
    const largeCustomer = { id: first.id, tenantId: first.companyProfile.tenantId, companyName: first.companyProfile.companyName, users: options.largeCustomerUsers };

    const profile = await createConsentedProfile(cloud);
    running.profile = profile;
    const customersSync = await benchCustomersSync({ cloud, profile, runs: options.syncRuns });

    const browser = await launchChromium();
    running.browser = browser;
    const context = await newAppContext(browser);
    const app = await launchBrowserModeApp({ home: profile.home });
    running.app = app;
    const firstRows = await benchFirstRows({ context, newLaunchUrl: () => app.newLaunchUrl(), cloud, profile, runs: options.firstRowsRuns });
    const tables = await benchTables({ context, newLaunchUrl: () => app.newLaunchUrl(), cloud, profile, largeCustomer, filterRounds: options.filterRounds, filterTarget: options.filterTargetMs });

    // Offline: the same settings folder and port (the page's origin, so it remembers the profile), no cloud.
    const { port } = app;
    await app.stop();
    running.app = null;
    await stopCloud();
    const offlineStart = await benchOfflineStart({ context, profile, port, customers: options.customers, largeCustomer, runs: options.offlineRuns });
    return { customersSync, firstRows, tables, offlineStart };
  };
  try {
    return await beforeDeadline(measure());
  } finally {
    await running.browser?.close().catch(() => undefined);
    await running.app?.stop();
    await stopCloud();
    await running.profile?.remove();
  }
}
