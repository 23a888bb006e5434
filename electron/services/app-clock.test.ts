import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorClock } from '../../emulators/core/clock';
import { clockPathFor, publishClock } from '../../emulators/clock-file';
import { appClock, localCloudClock } from './app-clock';

const DAY_MS = 86_400_000;
const near = (actual: Date, expectedMs: number): void => expect(Math.abs(actual.getTime() - expectedMs)).toBeLessThan(1_000);

function descriptorFile(directory: string, clockPath?: string): string {
  const path = join(directory, 'local-cloud.json');
  const descriptor = {
    kind: 'sam-desk-local-cloud',
    version: 1,
    endpoints: { entra: 'https://127.0.0.1:1', keyVault: 'https://127.0.0.1:2', partnerCenter: 'https://127.0.0.1:3', control: 'https://127.0.0.1:4' },
    tenantId: 't',
    tenantDomain: 'contoso.example',
    clientId: 'c',
    redirectUri: 'http://localhost',
    caBundlePath: '/ca.pem',
    demoAccounts: [],
    customers: 0,
    ...(clockPath ? { clockPath } : {}),
  };
  writeFileSync(path, JSON.stringify(descriptor));
  return path;
}

describe("SAM Desk's clock", () => {
  it('is the machine clock against Microsoft (no local cloud)', () => {
    near(appClock({})(), Date.now());
  });

  it("follows the local cloud's clock as the control API moves it, one file write at a time", () => {
    const directory = mkdtempSync(join(tmpdir(), 'sam-desk-clock-'));
    const cloudClock = new EmulatorClock();
    const descriptorPath = join(directory, 'local-cloud.json');
    const clockPath = clockPathFor(descriptorPath);
    const stop = publishClock(cloudClock, clockPath);
    const now = appClock({ SAM_DESK_LOCAL_CLOUD: descriptorFile(directory, clockPath) });
    near(now(), Date.now());
    cloudClock.advance(80 * 86_400);
    near(now(), Date.now() + 80 * DAY_MS);
    cloudClock.advance(11 * 86_400);
    near(now(), Date.now() + 91 * DAY_MS);
    cloudClock.reset();
    near(now(), Date.now());
    stop();
    cloudClock.advance(86_400);
    near(now(), Date.now());
  });

  it('keeps the last offset when the file goes missing or holds nonsense', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sam-desk-clock-'));
    const path = join(directory, 'clock.json');
    writeFileSync(path, JSON.stringify({ offsetSeconds: 86_400 }));
    const now = localCloudClock(path);
    near(now(), Date.now() + DAY_MS);
    writeFileSync(path, '{"offsetSeconds": "tomorrow"}');
    near(now(), Date.now() + DAY_MS);
    writeFileSync(path, 'not json at all');
    near(now(), Date.now() + DAY_MS);
  });

  it('is the machine clock for a description from before the clock file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sam-desk-clock-'));
    near(appClock({ SAM_DESK_LOCAL_CLOUD: descriptorFile(directory) })(), Date.now());
  });
});
