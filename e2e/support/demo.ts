import { test as base } from '@playwright/test';
import { launchApp, type RunningApp } from './launch-app';

/** `npm run demo` minus the build: the local Microsoft cloud plus the app pointed at it, one per worker. */
export const test = base.extend<object, { demo: RunningApp }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { app, process: child } = await launchApp('scripts/demo.ts');
      await use(app);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
