import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { servicePrincipalId } from '../../../emulators/entra/token-endpoint';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { localCloudProfile } from '../../../emulators/testing/profile-input';
import { followSignIn } from '../../../emulators/testing/sign-in-driver';
import type { AuditEvent } from '../../../shared/audit/audit-event';
import { oneComputer } from '../../testing/one-computer';
import { secretAccounts } from '../secrets/secret-vault';
import { MAX_DISABLED_PER_WRITE } from './key-vault-hygiene';

/**
 * The profile's Key Vault secret keeps only what automation needs: a refresh token is written only when it differs
 * from the current version, and after each new version the ones beyond the newest N (a health setting) are disabled,
 * never deleted, each in the audit log; a refusal is logged and costs no token. The real SecretClient against the local
 * Key Vault, the real keychain.
 */
let cloud: LocalCloud;
const computer = oneComputer({ now: () => cloud.state.clock.now(), browser: (url) => followSignIn(url, cloud.state.world.admins[0] ?? expect.fail('no admin')) });

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 29, customers: 2, maxUsersPerCustomer: 1 } });
});
afterEach(async () => {
  cloud.state.faults.clear();
  cloud.state.keyVaultPermissions.clear();
  await computer.cleanUp();
});
afterAll(() => cloud.close());

const consented = (secretName: string): Promise<string> => computer.consentedProfile(localCloudProfile(cloud, { displayName: secretName, keyVaultSecret: secretName }));
const versionsOf = (secretName: string) => cloud.keyVault.secret(secretName, cloud.state.clock.nowSeconds())?.versions ?? [];
const enabledOf = (secretName: string): string[] => versionsOf(secretName).filter((version) => version.enabled).map((version) => version.id);
const hygiene = async (profileId: string): Promise<AuditEvent[]> => (await computer.process().audit.read({ profileId, kinds: ['key-vault-version-disabled'] })).reverse();

describe('writing to Key Vault', () => {
  it('writes a refresh token only when it differs from the current version', async () => {
    const secretName = 'HygieneSameToken';
    const profileId = await consented(secretName);
    const [consentVersion] = versionsOf(secretName);
    // The keychain holds the very token Key Vault holds: the retry (after a write that landed late) adds no copy.
    expect(await computer.process().retryKeyVault(profileId)).toBe(consentVersion?.id);
    expect(versionsOf(secretName)).toHaveLength(1);
    // A rotated token differs, and is written.
    await computer.process().tokens.acquire(profileId, { forceRefresh: true });
    expect(versionsOf(secretName)).toHaveLength(2);
    expect(cloud.keyVault.latest(secretName)).toBe(await computer.keychain.get(secretAccounts.refreshToken(profileId)));
  });
});

describe('version hygiene', () => {
  it('disables the versions beyond the newest N across pages, never deletes one, leaves disabled ones alone, and logs each', async () => {
    const secretName = 'HygieneManyVersions';
    expect((await computer.process().health.settings.read()).keyVaultVersionsKept).toBe(2);
    // Sixty versions written before SAM Desk's first, by other tools: three pages of the listing (25 a page).
    for (let index = 0; index < 60; index++) cloud.keyVault.set(secretName, { value: `older-refresh-token-${String(index)}` }, cloud.state.clock.nowSeconds());
    cloud.state.clock.advance(1);
    const profileId = await consented(secretName);
    const consentVersion = versionsOf(secretName).at(-1)?.id ?? expect.fail('no version');

    // Default N = 2: after the consent's write, 59 versions are beyond; 50 of them are disabled (the most one write
    // does), the rest wait for the next write. All 61 are still there.
    expect(MAX_DISABLED_PER_WRITE).toBe(50);
    expect(versionsOf(secretName)).toHaveLength(61);
    const enabledAfterConsent = enabledOf(secretName);
    expect(enabledAfterConsent).toHaveLength(11);
    expect(enabledAfterConsent).toContain(consentVersion);
    const disabledAtConsent = new Map(versionsOf(secretName).filter((version) => !version.enabled).map((version) => [version.id, version.updated]));
    const logged = await hygiene(profileId);
    expect(logged).toHaveLength(50);
    expect(logged.every((event) => event.outcome === 'ok' && event.facts?.kept === 2)).toBe(true);
    expect(new Set(logged.map((event) => event.facts?.version))).toEqual(new Set(disabledAtConsent.keys()));

    // N = 1, and a redemption later: only its successor stays enabled; the 11 enabled before are disabled now, and
    // the 50 disabled at the consent are not touched again (their update time stays).
    const services = computer.process();
    await services.health.updateSettings({ keyVaultVersionsKept: 1 });
    cloud.state.clock.advance(60);
    const token = await services.tokens.acquire(profileId, { forceRefresh: true });
    expect(token.saved).toMatchObject({ keyVault: { status: 'saved' }, keychain: { status: 'saved' } });
    const successor = versionsOf(secretName).at(-1)?.id ?? expect.fail('no version');
    expect(versionsOf(secretName)).toHaveLength(62);
    expect(enabledOf(secretName)).toEqual([successor]);
    for (const [version, updated] of disabledAtConsent) expect(versionsOf(secretName).find((candidate) => candidate.id === version)?.updated).toBe(updated);
    const later = (await hygiene(profileId)).slice(50);
    expect(later.map((event) => ({ outcome: event.outcome, version: event.facts?.version, kept: event.facts?.kept })).sort((a, b) => String(a.version).localeCompare(String(b.version)))).toEqual(
      enabledAfterConsent.map((version) => ({ outcome: 'ok', version, kept: 1 })).sort((a, b) => a.version.localeCompare(b.version)),
    );
    // What automation reads is the successor, enabled, the same in Key Vault and the keychain.
    expect(cloud.keyVault.latest(secretName)).toBe(await computer.keychain.get(secretAccounts.refreshToken(profileId)));
  });

  it('logs a refusal to disable with its code and the permission, and the redemption and its token are safe', async () => {
    const secretName = 'HygieneRefused';
    await computer.process().health.updateSettings({ keyVaultVersionsKept: 2 });
    const profileId = await consented(secretName);
    const consentVersion = versionsOf(secretName)[0]?.id ?? expect.fail('no version');
    const services = computer.process();
    await services.tokens.acquire(profileId, { forceRefresh: true });
    // Key Vault refuses the update (an RBAC role that may set secrets but not update their properties), as it words it.
    const sp = servicePrincipalId(cloud.state.world.app.clientId);
    const message = `The user, group or application 'appid=${cloud.state.world.app.clientId};oid=${sp};iss=https://sts.windows.net/${cloud.state.world.partner.tenantId}/' does not have secrets set permission on key vault 'localhost;location=local'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`;
    cloud.state.faults.add({ service: 'keyvault', method: 'PATCH', path: '/secrets/', remaining: 10, fault: { type: 'status', status: 403, body: { error: { code: 'Forbidden', message, innererror: { code: 'AccessDenied' } } } } });
    const refused = await services.tokens.acquire(profileId, { forceRefresh: true });
    expect(refused.saved).toMatchObject({ keyVault: { status: 'saved' }, keychain: { status: 'saved' }, keyVaultRetryPending: false });
    expect(await hygiene(profileId)).toMatchObject([{ outcome: 'failed', code: 'key-vault-forbidden', facts: { step: 'disable', version: consentVersion, permission: 'set' } }]);
    expect(versionsOf(secretName)).toHaveLength(3);
    expect(enabledOf(secretName)).toHaveLength(3);
    expect(cloud.keyVault.latest(secretName)).toBe(await computer.keychain.get(secretAccounts.refreshToken(profileId)));

    // Without the list permission the versions cannot be told apart: logged, and the token is saved all the same.
    cloud.state.faults.clear();
    cloud.state.keyVaultPermissions.set(sp, new Set(['get', 'set']));
    const unlisted = await services.tokens.acquire(profileId, { forceRefresh: true });
    expect(unlisted.saved).toMatchObject({ keyVault: { status: 'saved' }, keychain: { status: 'saved' } });
    expect((await hygiene(profileId)).at(-1)).toMatchObject({ outcome: 'failed', code: 'key-vault-forbidden', facts: { step: 'list', permission: 'list' } });
    expect(cloud.keyVault.latest(secretName)).toBe(await computer.keychain.get(secretAccounts.refreshToken(profileId)));

    // Allowed again: the next new version catches up on all of it.
    cloud.state.keyVaultPermissions.clear();
    await services.tokens.acquire(profileId, { forceRefresh: true });
    expect(versionsOf(secretName)).toHaveLength(5);
    expect(enabledOf(secretName)).toHaveLength(2);
    expect(await services.tokens.acquire(profileId)).toMatchObject({ refreshedFrom: 'memory' });
  });
});
