import { test as base } from '@playwright/test';
import { launchApp, type RunningApp } from './launch-app';

/**
 * SAM Desk in browser mode the way `npm start` runs it on a machine without Electron (the real launch script, the
 * built renderer, the real handler table), one per worker. Each test gets its own launch address (`app.url`): a
 * launch code works once.
 */
export type { RunningApp };

export const test = base.extend<{ app: RunningApp }, { runningApp: RunningApp }>({
  runningApp: [
    // Playwright reads a fixture's dependencies from its first parameter, which must be an object pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { app, process: child } = await launchApp('electron/browser-mode/launch.ts');
      await use(app);
      child.kill('SIGTERM');
    },
    { scope: 'worker' },
  ],
  app: async ({ runningApp }, use) => use({ ...runningApp, url: await runningApp.newLaunchUrl() }),
});

export { expect } from '@playwright/test';
