import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KeyVaultPermission } from '../../../emulators/core/cloud-state';
import { servicePrincipalId } from '../../../emulators/entra/token-endpoint';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { localCloudProfile } from '../../../emulators/testing/profile-input';
import { followSignIn } from '../../../emulators/testing/sign-in-driver';
import type { HealthAction, HealthState } from '../../../shared/health/health-state';
import { runCli } from '../../cli/run-cli';
import { createHandlerTable } from '../../ipc/create-handler-table';
import { EventBus } from '../../ipc/event-bus';
import type { HandlerTable } from '../../ipc/handler-table';
import { createSamDeskServices, type SamDeskServices } from '../sam-desk-services';
import { knownSecrets } from '../known-secrets';
import { keyVaultTiming } from '../sam/key-vault-store';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts } from '../secrets/secret-vault';

/**
 * Key Vault is what automation reads, so health judges a Key Vault profile by its secret. Each state the vault can be
 * in — soft-deleted, disabled, missing, expired, not yet valid, a permission missing, unreachable — is driven in the
 * local cloud and read four ways: the window's check, `sam-desk health`, `sam-desk health --probe` and
 * `sam-desk refresh`. None of them is ever healthy while automation cannot read the token; each names its fix; and
 * after the fix the token still works (none is lost). Real msal-node, SecretClient, keychain and IPC handlers; every
 * CLI call gets services of its own, as a separate process would.
 */
let cloud: LocalCloud;
const keychain = createKeychain(`SAM Desk key vault states ${randomUUID()}`);
const directory = mkdtempSync(join(tmpdir(), 'sam-desk-kv-states-'));
let window: SamDeskServices;
let handlers: HandlerTable;
let profileId = '';
let secretName = '';

const makeServices = (): SamDeskServices =>
  createSamDeskServices({
    userDataDirectory: directory,
    vault: keychain,
    openBrowser: (url) => followSignIn(url, cloud.state.world.admins[0] ?? expect.fail('no admin')),
    now: () => cloud.state.clock.now(),
    loopbackPages: { success: 'ok', failure: 'no' },
  });

async function samDesk(args: readonly string[]): Promise<{ readonly status: number; readonly stdout: string; readonly stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(
    args,
    {
      services: async () => makeServices(),
      env: { LANG: 'en_US.UTF-8' },
      stdinIsTty: false,
      readStdin: async () => '',
      out: (text) => void (stdout += text),
      err: (text) => void (stderr += text),
      now: () => cloud.state.clock.now(),
    },
    'test',
  );
  return { status, stdout, stderr };
}

const nowSeconds = (): number => cloud.state.clock.nowSeconds();
const appPrincipal = (): string => servicePrincipalId(cloud.state.world.app.clientId);
const allow = (permissions: readonly KeyVaultPermission[]): void => void cloud.state.keyVaultPermissions.set(appPrincipal(), new Set(permissions));
const everyPermissionBut = (missing: KeyVaultPermission): KeyVaultPermission[] => (['get', 'set', 'list', 'delete', 'recover', 'purge'] as const).filter((permission) => permission !== missing);

beforeAll(async () => {
  // An unreachable vault fails at once instead of after the SDK's retries: the verdict is the same, only sooner.
  Object.assign(keyVaultTiming, { deadlineMs: 5_000, maxRetries: 0, retryDelayMs: 10 });
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 47, customers: 3, maxUsersPerCustomer: 2 } });
  window = makeServices();
  handlers = createHandlerTable({ services: window, bus: new EventBus(), appInfo: () => ({ name: 'SAM Desk', version: '0', mode: 'browser', platform: 'linux', cloud: 'local' }), isOnline: () => true, now: () => cloud.state.clock.now() });
});
afterAll(async () => {
  for (const account of Object.values(secretAccounts)) await keychain.delete(account(profileId));
  await cloud.close();
});

beforeEach(async () => {
  cloud.state.keyVaultPermissions.clear();
  cloud.state.faults.clear();
  // A profile of its own per case, consented: a token in the keychain and in Key Vault.
  secretName = `States-${randomUUID().slice(0, 8)}`;
  const { input, secrets } = localCloudProfile(cloud, { displayName: `States ${secretName}`, keyVaultSecret: secretName });
  const created = await window.profiles.create(input, secrets);
  if (!created.ok) expect.fail(JSON.stringify(created.errors));
  profileId = created.profile.id;
  expect(await window.consent.consent(profileId, { openBrowser: true })).toMatchObject({ state: 'succeeded' });
  // The consent's facts are recorded as it ends: a check before them would take the grant for unproven and probe it.
  await expect.poll(async () => (await window.health.facts.read())[profileId]?.tokenIssuedAt).toBeDefined();
});

interface Expectation {
  readonly state: HealthState;
  readonly action: HealthAction;
  readonly remedy: string | null;
}

/** The window's check, then `sam-desk health`: the same verdict, exit 2 (critical), the remedy line's command. */
async function expectSeen(expected: Expectation): Promise<void> {
  const checked = await handlers['health.check']({ profileId });
  if (!checked.ok) expect.fail(checked.error);
  expect(checked.entries[0]?.assessment).toMatchObject({ state: expected.state, action: expected.action });
  const health = await samDesk(['health', `--profile=${profileId}`]);
  expect(health.status).toBe(expected.state === 'unknown' ? 1 : 2);
  if (expected.remedy) expect(health.stdout).toContain(`Run: ${expected.remedy} --profile=${profileId}`);
}

/** The token still works, from the vault automation reads: nothing was lost. */
async function expectTokenAlive(): Promise<void> {
  const check = await handlers['health.refresh']({ profileId });
  expect(check).toMatchObject({ ok: true, entry: { assessment: { state: 'healthy' } } });
  expect(cloud.keyVault.latest(secretName)).toBe(await keychain.get(secretAccounts.refreshToken(profileId)));
}

describe('health judged by the Key Vault secret automation reads', () => {
  it('soft-deleted: action needed with Recover, until when it can be recovered; probe and refresh keep the token in the keychain', async () => {
    cloud.keyVault.delete(secretName, nowSeconds());
    await expectSeen({ state: 'action-needed', action: 'recover-key-vault', remedy: 'sam-desk keyvault recover' });
    const entry = await window.health.entry(profileId);
    const deleted = cloud.keyVault.deleted(secretName, nowSeconds())?.deletion ?? expect.fail('not deleted');
    const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
    expect(entry.assessment.reasons[0]).toEqual({ reason: 'key-vault-secret-deleted', values: { deletedAt: iso(deleted.deletedDate), purgeAt: iso(deleted.scheduledPurgeDate) } });
    // A probe redeems from the keychain; its successor cannot go to a deleted secret's name: still action needed.
    expect((await samDesk(['health', `--profile=${profileId}`, '--probe'])).status).toBe(2);
    const refresh = await samDesk(['refresh', `--profile=${profileId}`]);
    expect(refresh.status).toBe(3);
    expect(refresh.stderr).toContain('[key-vault-secret-deleted]');
    expect(refresh.stderr).toContain('sam-desk keyvault recover');
    expect(await keychain.get(secretAccounts.refreshToken(profileId))).toBeTruthy();
    // One click: recovered with all its versions; the keychain's newer token then goes to the vault.
    const recovered = await handlers['health.repairKeyVault']({ profileId, repair: 'recover' });
    expect(recovered).toMatchObject({ ok: true, entry: { assessment: { state: 'action-needed', action: 'write-key-vault' } } });
    expect(await handlers['health.repairKeyVault']({ profileId, repair: 'write' })).toMatchObject({ ok: true, entry: { assessment: { state: 'healthy' } } });
    const audit = await window.audit.read({ profileId, kinds: ['key-vault-recover'] });
    expect(audit).toMatchObject([{ kind: 'key-vault-recover', outcome: 'ok' }]);
    await expectTokenAlive();
  });

  it('recover refused for lack of the recover permission: the failure names the permission, and nothing is lost', async () => {
    cloud.keyVault.delete(secretName, nowSeconds());
    allow(everyPermissionBut('recover'));
    const refused = await handlers['health.repairKeyVault']({ profileId, repair: 'recover' });
    expect(refused).toMatchObject({ ok: false, error: 'key-vault-forbidden', detail: { permission: 'recover' } });
    expect(await window.audit.read({ profileId, kinds: ['key-vault-recover'] })).toMatchObject([{ outcome: 'failed', code: 'key-vault-forbidden' }]);
    cloud.state.keyVaultPermissions.clear();
    expect(await handlers['health.repairKeyVault']({ profileId, repair: 'recover' })).toMatchObject({ ok: true });
    await expectTokenAlive();
  });

  it('current version disabled: action needed with Enable; one click enables it', async () => {
    const version = cloud.keyVault.version(secretName, undefined, nowSeconds())?.version.id ?? expect.fail('no version');
    cloud.keyVault.update(secretName, version, { enabled: false }, nowSeconds());
    await expectSeen({ state: 'action-needed', action: 'enable-key-vault', remedy: 'sam-desk keyvault enable' });
    const enabled = await samDesk(['keyvault', 'enable', `--profile=${profileId}`]);
    expect(enabled.status).toBe(0);
    expect(enabled.stdout).toContain('Health: Healthy');
    expect(cloud.keyVault.version(secretName, version, nowSeconds())?.version.enabled).toBe(true);
    await expectTokenAlive();
  });

  it('missing (deleted and purged) while the keychain holds the token: write it to Key Vault', async () => {
    cloud.keyVault.delete(secretName, nowSeconds());
    cloud.keyVault.purge(secretName, nowSeconds());
    await expectSeen({ state: 'action-needed', action: 'write-key-vault', remedy: 'sam-desk keyvault write' });
    const written = await samDesk(['keyvault', 'write', `--profile=${profileId}`]);
    expect(written.status).toBe(0);
    await expectTokenAlive();
  });

  it('missing with no copy left anywhere: dead, reconsent', async () => {
    cloud.keyVault.delete(secretName, nowSeconds());
    cloud.keyVault.purge(secretName, nowSeconds());
    await keychain.delete(secretAccounts.refreshToken(profileId));
    await expectSeen({ state: 'dead', action: 'reconsent', remedy: 'sam-desk consent' });
  });

  it.each([
    ['expired', { expires: -60 }, 'key-vault-secret-expired'],
    ['not yet valid', { notBefore: 3_600 }, 'key-vault-secret-not-yet-valid'],
  ] as const)('current version %s: action needed; writing the token again makes a version without those dates', async (_name, dates, reason) => {
    const shift = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : nowSeconds() + seconds);
    cloud.keyVault.update(secretName, undefined, { expires: shift('expires' in dates ? dates.expires : undefined), notBefore: shift('notBefore' in dates ? dates.notBefore : undefined) }, nowSeconds());
    await expectSeen({ state: 'action-needed', action: 'write-key-vault', remedy: 'sam-desk keyvault write' });
    expect((await window.health.entry(profileId)).assessment.reasons[0]?.reason).toBe(reason);
    const dated = cloud.keyVault.version(secretName, undefined, nowSeconds())?.version.id ?? expect.fail('no version');
    // Keeping one version enabled: the write is followed by the hygiene every write gets, which retires the dated one.
    await window.health.updateSettings({ keyVaultVersionsKept: 1 });
    try {
      expect(await handlers['health.repairKeyVault']({ profileId, repair: 'write' })).toMatchObject({ ok: true, entry: { assessment: { state: 'healthy' } } });
      expect(cloud.keyVault.version(secretName, dated, nowSeconds())?.version.enabled).toBe(false);
      expect(await window.audit.read({ profileId, kinds: ['key-vault-version-disabled'] })).toMatchObject([{ outcome: 'ok', facts: { version: dated } }]);
    } finally {
      await window.health.updateSettings({ keyVaultVersionsKept: 2 });
    }
    await expectTokenAlive();
  });

  it('no get permission: action needed naming it; a refresh still saves the successor everywhere it may', async () => {
    allow(everyPermissionBut('get'));
    await expectSeen({ state: 'action-needed', action: 'open-profile', remedy: null });
    const entry = await window.health.entry(profileId);
    expect(entry.facts.keyVaultSecret?.value).toEqual({ status: 'unreadable', code: 'key-vault-forbidden', permission: 'get' });
    expect((await samDesk(['refresh', `--profile=${profileId}`])).status).toBe(0);
    cloud.state.keyVaultPermissions.clear();
    await expectTokenAlive();
  });

  it('no set permission: healthy to automation until a redemption cannot write its successor — then action needed, refresh fails with exit 3', async () => {
    allow(everyPermissionBut('set'));
    const before = await handlers['health.check']({ profileId });
    expect(before).toMatchObject({ ok: true, entries: [{ assessment: { state: 'healthy' } }] });
    expect((await samDesk(['health', `--profile=${profileId}`, '--probe'])).status).toBe(2);
    await expectSeen({ state: 'action-needed', action: 'write-key-vault', remedy: 'sam-desk keyvault write' });
    const refresh = await samDesk(['refresh', `--profile=${profileId}`]);
    expect(refresh.status).toBe(3);
    expect(refresh.stderr).toContain('[key-vault-forbidden]');
    const refreshNow = await handlers['health.refresh']({ profileId });
    expect(refreshNow).toMatchObject({ ok: false, error: 'key-vault-forbidden', detail: { permission: 'set' } });
    cloud.state.keyVaultPermissions.clear();
    expect(await handlers['health.repairKeyVault']({ profileId, repair: 'write' })).toMatchObject({ ok: true, entry: { assessment: { state: 'healthy' } } });
    await expectTokenAlive();
  });

  it('a value read from the vault only to judge it is still redacted from every log line', async () => {
    const written = `written-by-automation-${randomUUID()}`;
    cloud.keyVault.set(secretName, { value: written }, nowSeconds());
    expect(knownSecrets.knows(written)).toBe(false);
    await handlers['health.check']({ profileId });
    expect(knownSecrets.knows(written)).toBe(true);
    expect(knownSecrets.redact(`got ${written}`)).toBe('got [redacted]');
  });

  it('vault unreachable: unknown with the last known facts, never healthy', async () => {
    cloud.state.faults.add({ service: 'keyvault', fault: { type: 'reset' }, remaining: 1_000 });
    await expectSeen({ state: 'unknown', action: 'check-now', remedy: 'sam-desk health' });
    const refresh = await samDesk(['refresh', `--profile=${profileId}`]);
    expect(refresh.status).toBe(3);
    expect(await keychain.get(secretAccounts.refreshToken(profileId))).toBeTruthy();
    cloud.state.faults.clear();
    expect(await handlers['health.repairKeyVault']({ profileId, repair: 'write' })).toMatchObject({ ok: true });
    await expectTokenAlive();
  });
});

describe('the grant proven at the next check, not at the next use', () => {
  const HOUR = 3_600;
  const redemptions = (): number => window.tokens.redemptionCount(profileId);

  it('redeems at a check only when Entra last accepted the grant longer ago than the probe interval', async () => {
    const first = redemptions();
    await samDesk(['health', `--profile=${profileId}`]);
    expect(redemptions()).toBe(first);
    const proven = await samDesk(['health', `--profile=${profileId}`, '--json']);
    expect(JSON.parse(proven.stdout)).toMatchObject([{ state: 'healthy', grantProvenAt: (await window.health.entry(profileId)).facts.tokenIssuedAt?.value }]);
    cloud.state.clock.advance(25 * HOUR);
    const probed = await handlers['health.check']({ profileId });
    expect(probed).toMatchObject({ ok: true, entries: [{ assessment: { state: 'healthy', daysLeft: 90 } }] });
    expect((await window.audit.read({ profileId, kinds: ['health-check'], limit: 1 }))[0]?.facts).toMatchObject({ refresh: 'probe' });
  });

  it('catches a revoked grant at the next check once the interval has passed: dead, exit 2', async () => {
    cloud.state.revokedAt.set(cloud.state.world.admins[0]?.id ?? '', nowSeconds() + 1);
    cloud.state.clock.advance(2);
    // Within the interval the last proof stands: the check does not redeem.
    expect((await samDesk(['health', `--profile=${profileId}`])).status).toBe(0);
    cloud.state.clock.advance(25 * HOUR);
    const health = await samDesk(['health', `--profile=${profileId}`]);
    expect(health.status).toBe(2);
    expect(health.stdout).toContain(`Run: sam-desk consent --profile=${profileId}`);
    expect((await window.health.entry(profileId)).assessment).toMatchObject({ state: 'dead', lastError: 'grant-revoked' });
    cloud.state.revokedAt.clear();
  });

  it('--probe redeems now, whatever the interval: a revocation shows at once', async () => {
    cloud.state.revokedAt.set(cloud.state.world.admins[0]?.id ?? '', nowSeconds() + 1);
    cloud.state.clock.advance(2);
    const probed = await samDesk(['health', `--profile=${profileId}`, '--probe', '--json']);
    expect(probed.status).toBe(2);
    expect(JSON.parse(probed.stdout)).toMatchObject([{ state: 'dead', action: 'reconsent', remedyCommand: `sam-desk consent --profile=${profileId}` }]);
    cloud.state.revokedAt.clear();
  });

  it('an expired app credential found by the probe needs action', async () => {
    cloud.state.clock.advance(25 * HOUR);
    cloud.state.settings.clientSecretExpired = true;
    try {
      const checked = await handlers['health.check']({ profileId });
      expect(checked).toMatchObject({ ok: true, entries: [{ assessment: { state: 'action-needed', action: 'renew-credential' } }] });
    } finally {
      cloud.state.settings.clientSecretExpired = false;
    }
  });

  it('a probe that cannot reach Entra is unknown with the last known facts, never healthy', async () => {
    cloud.state.clock.advance(25 * HOUR);
    cloud.state.faults.add({ service: 'entra', fault: { type: 'reset' }, remaining: 1_000 });
    try {
      const health = await samDesk(['health', `--profile=${profileId}`]);
      expect(health.status).toBe(1);
      expect((await window.health.entry(profileId)).assessment).toMatchObject({ state: 'unknown', action: 'check-now' });
    } finally {
      cloud.state.faults.clear();
    }
  });

  it('never redeems at a check with proving switched off', async () => {
    await window.health.updateSettings({ probe: false });
    try {
      const first = redemptions();
      cloud.state.clock.advance(48 * HOUR);
      await handlers['health.check']({ profileId });
      expect(redemptions()).toBe(first);
    } finally {
      await window.health.updateSettings({ probe: true });
    }
  });

  it('reads the probe interval from the settings', async () => {
    await window.health.updateSettings({ probeIntervalHours: 1 });
    try {
      const first = redemptions();
      cloud.state.clock.advance(2 * HOUR);
      await handlers['health.check']({ profileId });
      expect(redemptions()).toBe(first + 1);
    } finally {
      await window.health.updateSettings({ probeIntervalHours: 24 });
    }
  });
});
