import { test as base } from '@playwright/test';
import { launchApp, type RunningApp } from './launch-app';

/**
 * `npm run demo` minus the build: the local Microsoft cloud plus the app pointed at it, one per worker. Each test gets
 * its own launch address (`demo.url`): a launch code works once.
 */
export const test = base.extend<{ demo: RunningApp }, { runningDemo: RunningApp }>({
  runningDemo: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { app, process: child } = await launchApp('scripts/demo.ts');
      await use(app);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
    { scope: 'worker' },
  ],
  demo: async ({ runningDemo }, use) => use({ ...runningDemo, url: await runningDemo.newLaunchUrl() }),
});

export { expect } from '@playwright/test';
