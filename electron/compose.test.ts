import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compose } from './compose';
import { silentLogger } from './services/logger';
import { createSamDeskServices } from './services/sam-desk-services';
import { memoryVault } from './testing/memory-vault';

describe('the composition', () => {
  it('runs a due scheduled check as soon as the admin turns the schedule on, not only at the next look', async () => {
    let clock = Date.parse('2026-12-02T12:00:00Z');
    const services = createSamDeskServices({ userDataDirectory: mkdtempSync(join(tmpdir(), 'sam-desk-compose-')), vault: memoryVault(), openBrowser: () => undefined, now: () => new Date(clock), loopbackPages: { success: '', failure: '' } });
    await services.profiles.create(
      { displayName: 'Offline partner', tenant: randomUUID(), clientId: randomUUID(), credential: { kind: 'secret' }, keyVault: null, keychain: true, redirectPort: 'any', cloud: { kind: 'custom', authorityHost: 'https://127.0.0.1:9', partnerCenterUrl: 'https://127.0.0.1:9', keyVaultSuffix: 'vault.example' } },
      { clientSecret: 'not-used' },
    );
    await services.health.updateSettings({ scheduled: false });
    const composition = compose({ mode: 'browser', version: '0', platform: 'linux', cloud: 'local', isOnline: () => true, logger: silentLogger, services });
    try {
      const checks = async (): Promise<number> => (await services.audit.read({ kinds: ['health-check'] })).length;
      expect(await checks()).toBe(0);
      clock += 3_600_000;
      expect(await composition.dispatch('health.settings', { scheduled: true })).toMatchObject({ ok: true, value: { scheduled: true } });
      await expect.poll(checks, { timeout: 10_000 }).toBe(1);
      // Main's clock travels with its answers, so the window's relative times agree with it.
      expect(await composition.dispatch('health.list', {})).toMatchObject({ ok: true, value: { now: new Date(clock).toISOString() } });
      expect(await composition.dispatch('app.info', {})).toMatchObject({ ok: true, value: { now: new Date(clock).toISOString() } });
    } finally {
      composition.dispose();
    }
  });
});
