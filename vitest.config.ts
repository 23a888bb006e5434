import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'emulators/**/*.test.ts', 'packaging/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['emulators/testing/global-setup.ts'],
    // Forked workers (not threads) so each starts with NODE_EXTRA_CA_CERTS set by the global setup.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
