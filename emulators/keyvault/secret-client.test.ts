import { isRestError, type DeletedSecret, type SecretProperties } from '@azure/keyvault-secrets';
import { describe, expect, it } from 'vitest';
import { RecordingCredential, useTestVault } from './test-vault';

/**
 * The emulator driven by the real @azure/keyvault-secrets SecretClient, as the app drives Azure: the challenge
 * handshake, versions, paging, soft delete and the errors the app has to handle.
 */
const testVault = useTestVault();

/** The RestError a rejected SDK call ends with, for assertions on status and service error code. */
async function restError(promise: Promise<unknown>): Promise<{ statusCode: number | undefined; code: string | undefined; message: string; details: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (isRestError(error)) return { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('Key Vault emulator with the real SecretClient', () => {
  it('answers the challenge handshake, then sets, gets and versions a secret', async () => {
    const credential = new RecordingCredential(() => testVault().token());
    const client = testVault().client({ credential });

    const first = await client.setSecret('sam-refresh-token', 'rt-1', { contentType: 'text/plain', tags: { app: 'sam-desk' } });
    // The client learned scope and tenant from the 401 challenge, not from us.
    expect(credential.requests[0]).toEqual({ scopes: ['https://vault.azure.net/.default'], tenantId: testVault().tenantId });
    expect(first.value).toBe('rt-1');
    expect(first.properties).toMatchObject({ name: 'sam-refresh-token', vaultUrl: testVault().endpoints.keyVault, contentType: 'text/plain', tags: { app: 'sam-desk' }, enabled: true });
    expect(first.properties.version).toMatch(/^[0-9a-f]{32}$/);
    expect(first.properties.id).toBe(`${testVault().endpoints.keyVault}/secrets/sam-refresh-token/${first.properties.version ?? ''}`);
    expect(first.properties.createdOn?.getTime()).toBe(testVault().state.clock.nowSeconds() * 1000);
    expect(first.properties.recoverableDays).toBe(90);

    const latest = await client.getSecret('sam-refresh-token');
    expect(latest.value).toBe('rt-1');

    const second = await client.setSecret('sam-refresh-token', 'rt-2');
    expect(second.properties.version).not.toBe(first.properties.version);
    expect((await client.getSecret('sam-refresh-token')).value).toBe('rt-2');
    expect((await client.getSecret('sam-refresh-token', { version: first.properties.version ?? '' })).value).toBe('rt-1');
    expect(testVault().store.latest('sam-refresh-token')).toBe('rt-2');
  });

  it('pages versions and secrets on the server side (maxresults + nextLink)', async () => {
    const client = testVault().client();
    const written: string[] = [];
    for (const value of ['v1', 'v2', 'v3', 'v4', 'v5']) written.push((await client.setSecret('paged', value)).properties.version ?? '');
    await client.setSecret('other-a', 'x');
    await client.setSecret('other-b', 'y');

    const pages = await collect(client.listPropertiesOfSecretVersions('paged').byPage({ maxPageSize: 2 }));
    // The SDK does not split pages itself: three pages of 2, 2, 1 can only come from the emulator's nextLinks.
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    // Every version once, in the service's own order (not by date: clients sort by createdOn themselves).
    expect(pages.flat().map((properties) => properties.version)).toEqual([...written].sort());
    // List items carry no value.
    expect(pages.flat().every((properties) => !('value' in properties))).toBe(true);

    const secretPages = await collect(client.listPropertiesOfSecrets().byPage({ maxPageSize: 2 }));
    expect(secretPages.map((page) => page.length)).toEqual([2, 1]);
    expect(secretPages.flat().map((properties: SecretProperties) => properties.name)).toEqual(['other-a', 'other-b', 'paged']);
    expect(secretPages.flat().map((properties) => properties.version)).toEqual([undefined, undefined, undefined]);

    // Without byPage the client follows every nextLink by itself.
    expect((await collect(client.listPropertiesOfSecretVersions('paged'))).length).toBe(5);
  });

  it('updates properties of one version (updateSecretProperties) and refuses reads of a disabled version', async () => {
    const client = testVault().client();
    const set = await client.setSecret('rotating', 'value-1', { tags: { stage: 'new' } });
    const version = set.properties.version ?? '';
    testVault().state.clock.advance(60);

    const updated = await client.updateSecretProperties('rotating', version, { tags: { stage: 'used' }, contentType: 'application/json' });
    expect(updated).toMatchObject({ version, tags: { stage: 'used' }, contentType: 'application/json', enabled: true });
    expect((updated.updatedOn?.getTime() ?? 0) - (updated.createdOn?.getTime() ?? 0)).toBe(60_000);
    expect((await client.getSecret('rotating')).value).toBe('value-1');

    await client.updateSecretProperties('rotating', version, { enabled: false });
    const refused = await restError(client.getSecret('rotating', { version }));
    expect(refused).toMatchObject({ statusCode: 403, code: 'Forbidden' });
  });

  it('soft-deletes (poller), shows the deleted secret, recovers it, deletes and purges it', async () => {
    const client = testVault().client();
    await client.setSecret('doomed', 'v1');
    await client.setSecret('doomed', 'v2');

    const deletion = await client.beginDeleteSecret('doomed', { intervalInMs: 10 });
    const deleted = await deletion.pollUntilDone();
    expect(deleted.recoveryId).toBe(`${testVault().endpoints.keyVault}/deletedsecrets/doomed`);
    expect(deleted.value).toBeUndefined();
    expect((deleted.scheduledPurgeDate?.getTime() ?? 0) - (deleted.deletedOn?.getTime() ?? 0)).toBe(90 * 86_400_000);
    expect(await restError(client.getSecret('doomed'))).toMatchObject({ statusCode: 404, code: 'SecretNotFound' });

    const shown: DeletedSecret = await client.getDeletedSecret('doomed');
    expect(shown.recoveryId).toBe(deleted.recoveryId);
    expect((await collect(client.listDeletedSecrets())).map((secret) => secret.name)).toEqual(['doomed']);

    const recovery = await client.beginRecoverDeletedSecret('doomed', { intervalInMs: 10 });
    const recovered = await recovery.pollUntilDone();
    expect(recovered.name).toBe('doomed');
    expect((await client.getSecret('doomed')).value).toBe('v2');
    expect((await collect(client.listPropertiesOfSecretVersions('doomed'))).length).toBe(2);

    await (await client.beginDeleteSecret('doomed', { intervalInMs: 10 })).pollUntilDone();
    await client.purgeDeletedSecret('doomed');
    expect(await restError(client.getDeletedSecret('doomed'))).toMatchObject({ statusCode: 404, code: 'SecretNotFound' });
    // Purged: the name can be used again.
    expect((await client.setSecret('doomed', 'reborn')).value).toBe('reborn');
  });

  it('refuses to set a deleted-but-recoverable name with 409 Conflict', async () => {
    const client = testVault().client();
    await client.setSecret('gone', 'v1');
    await (await client.beginDeleteSecret('gone', { intervalInMs: 10 })).pollUntilDone();

    const conflict = await restError(client.setSecret('gone', 'v2'));
    expect(conflict).toMatchObject({ statusCode: 409, code: 'Conflict' });
    expect(conflict.message).toContain('deleted but recoverable');
    expect(conflict.message).not.toContain('v2');
  });

  it('refuses a principal without the permission with 403 naming it', async () => {
    const client = testVault().client();
    await client.setSecret('guarded', 'v1');
    testVault().state.keyVaultPermissions.set(testVault().oid, new Set(['get', 'list']));

    expect((await client.getSecret('guarded')).value).toBe('v1');
    const refused = await restError(client.setSecret('guarded', 'v2'));
    expect(refused).toMatchObject({ statusCode: 403, code: 'Forbidden' });
    expect(refused.message).toContain('does not have secrets set permission on key vault');
    expect(refused.message).toContain(`oid=${testVault().oid}`);
    expect(refused.details).toMatchObject({ error: { code: 'Forbidden', innerError: { code: 'AccessDenied' } } });
    expect(testVault().store.latest('guarded')).toBe('v1');

    const noDelete = await restError(client.beginDeleteSecret('guarded'));
    expect(noDelete.message).toContain('does not have secrets delete permission');
  });

  it('refuses an expired token (emulator clock) and a token from another tenant with 401', async () => {
    const client = testVault().client();
    await client.setSecret('s', 'v');
    // The token the client holds was minted for an hour; two hours later (cloud time) it is refused.
    testVault().state.clock.advance(2 * 3600);
    const expired = await restError(client.getSecret('s'));
    expect(expired).toMatchObject({ statusCode: 401, code: 'Unauthorized' });
    expect(expired.message).toContain('TokenExpired');

    const stranger = testVault().client({ claims: { tid: '00000000-0000-0000-0000-00000000beef' } });
    const wrongTenant = await restError(stranger.getSecret('s'));
    expect(wrongTenant).toMatchObject({ statusCode: 401, code: 'Unauthorized' });
    expect(wrongTenant.message).toContain('AKV10032: Invalid issuer');
  });

  it('throttles with 429 Throttled once the budget is spent', async () => {
    const client = testVault().client();
    await client.setSecret('s', 'v');
    testVault().state.setThrottle('keyvault', 1, 30);
    expect((await client.getSecret('s')).value).toBe('v');
    expect(await restError(client.getSecret('s'))).toMatchObject({ statusCode: 429, code: 'Throttled' });
    // The budget refills once Retry-After has passed.
    testVault().state.clock.advance(31);
    expect((await client.getSecret('s')).value).toBe('v');
  });

  it('refuses a malformed secret name with 400 BadParameter', async () => {
    const refused = await restError(testVault().client().setSecret('bad_name', 'v'));
    expect(refused).toMatchObject({ statusCode: 400, code: 'BadParameter' });
    expect(refused.message).toContain('invalid name: bad_name');
    expect(testVault().store.secretNames()).toEqual([]);
  });
});
