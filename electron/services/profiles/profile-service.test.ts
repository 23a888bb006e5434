import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { profilesEn } from '../../../shared/i18n/profiles-en';
import type { CloudChoice, Profile, ProfileValidationError } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { ProfileError } from './profile-errors';
import { createProfileFile, PROFILES_FILE_NAME } from './profile-file';
import { createProfileService, type ProfileService, type ProfileServiceDeps } from './profile-service';
import { createTenantResolver } from './tenant-resolver';

/** The keychain's contract, in memory; the real keychain has its own tests. */
class MemoryVault implements SecretVault {
  readonly entries = new Map<string, string>();
  failing = false;

  async get(account: string): Promise<string | null> {
    if (this.failing) throw new Error('keychain locked');
    return this.entries.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    if (this.failing) throw new Error('keychain locked');
    this.entries.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    if (this.failing) throw new Error('keychain locked');
    return this.entries.delete(account);
  }
}

const TENANT_ID = '7b0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b';
const CLIENT_ID = '0d2d7b3b-1111-4222-8333-444455556666';
const SECRET = 'Xq8~Zr.fake_client-secret~value0123456789ab';
const PASSWORD = 'pfx password with spaces ';
const THUMBPRINT = 'AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12';

let cloud: LocalCloud;
let localCloud: CloudChoice;
let directory: string;
let vault: MemoryVault;
let clock: Date;
let service: ProfileService;
let certificatePath: string;

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 1, customers: 1, maxUsersPerCustomer: 1 } });
  localCloud = { kind: 'custom', authorityHost: cloud.endpoints.entra, partnerCenterUrl: cloud.endpoints.partnerCenter, keyVaultSuffix: new URL(cloud.endpoints.keyVault).host };
});
afterAll(() => cloud.close());

beforeEach(async () => {
  cloud.state.faults.clear();
  directory = await mkdtemp(join(tmpdir(), 'sam-desk-profiles-'));
  certificatePath = join(directory, 'sam app.pem');
  await writeFile(certificatePath, '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n');
  vault = new MemoryVault();
  clock = new Date('2025-01-01T00:00:00.000Z');
  service = makeService();
});
afterEach(() => rm(directory, { recursive: true, force: true }));

function makeService(overrides: Partial<ProfileServiceDeps> = {}, dataDirectory = join(directory, 'data')): ProfileService {
  return createProfileService({
    file: createProfileFile({ directory: dataDirectory, now: () => clock }),
    vault,
    resolveTenant: createTenantResolver(),
    now: () => clock,
    ...overrides,
  });
}

/** The keychain's secrets, without the binding records kept beside them (secrets/endpoint-bindings.ts). */
const secretEntries = (): Map<string, string> => new Map([...vault.entries].filter(([account]) => !account.endsWith('-binding')));
const settingsPath = (): string => join(directory, 'data', PROFILES_FILE_NAME);
const settingsBytes = (): Promise<string> => readFile(settingsPath(), 'utf8');
const tick = (): void => {
  clock = new Date(clock.getTime() + 60_000);
};

function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    displayName: 'Contoso (production)',
    tenant: TENANT_ID,
    clientId: CLIENT_ID,
    credential: { kind: 'secret' },
    keyVault: null,
    keychain: true,
    redirectPort: 8400,
    cloud: { kind: 'public' },
    ...overrides,
  };
}

async function created(overrides: Record<string, unknown> = {}, secrets: Parameters<ProfileService['create']>[1] = { clientSecret: SECRET }): Promise<Profile> {
  const result = await service.create(input(overrides), secrets);
  if (!result.ok) throw new Error(`expected a profile, got ${JSON.stringify(result.errors)}`);
  return result.profile;
}

/** A key like profiles.validation.clientId, looked up in the English texts the app wires in as `profiles`. */
function englishText(messageKey: string): unknown {
  return messageKey
    .replace(/^profiles\./, '')
    .split('.')
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), profilesEn);
}

describe('creating a profile', () => {
  it('saves the profile with its tenant id and timestamps, and the client secret only in the vault', async () => {
    const result = await service.create(input({ displayName: '  Contoso (production) ', clientId: CLIENT_ID.toUpperCase() }), { clientSecret: `  ${SECRET}\n` });
    expect(result).toMatchObject({ ok: true, refreshTokenCleared: false });
    if (!result.ok) return;
    const { profile } = result;
    expect(profile).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      ...input(),
      tenantId: TENANT_ID,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(secretEntries()).toEqual(new Map([[secretAccounts.clientSecret(profile.id), SECRET]]));
    expect(vault.entries.has(secretAccounts.credentialBinding(profile.id))).toBe(true);
    const bytes = await settingsBytes();
    expect(bytes).not.toContain(SECRET);
    expect(bytes).not.toContain(SECRET.slice(0, 12));
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(await service.list()).toEqual({ profiles: [profile], damaged: null });
    expect(await service.get(profile.id)).toEqual(profile);
    expect(await service.get('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await service.storedSecrets(profile.id)).toEqual({ clientSecret: true, certificatePassword: false, refreshToken: false });
  });

  it('keeps a certificate password only in the vault, never in the file', async () => {
    const profile = await created({ credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } }, { certificatePassword: PASSWORD, clientSecret: SECRET });
    // The password is stored exactly as typed; a client secret given for a certificate profile is not stored at all.
    expect(secretEntries()).toEqual(new Map([[secretAccounts.certificatePassword(profile.id), PASSWORD]]));
    const bytes = await settingsBytes();
    expect(bytes).not.toContain(PASSWORD.trim());
    expect(bytes).not.toContain(SECRET);
  });

  it('resolves a tenant domain to its GUID against the Entra emulator', async () => {
    const { partner } = cloud.state.world;
    const profile = await created({ tenant: partner.domain.toUpperCase(), cloud: localCloud, keyVault: { vaultUrl: cloud.endpoints.keyVault, secretName: 'SAM-RefreshToken', access: 'app' } });
    expect(profile).toMatchObject({ tenant: partner.domain, tenantId: partner.tenantId, keyVault: { vaultUrl: `${cloud.endpoints.keyVault}/` } });
  });

  it('reports an unknown tenant domain on the tenant field, and saves nothing', async () => {
    const result = await service.create(input({ tenant: 'no-such-partner.onmicrosoft.com', cloud: localCloud }), { clientSecret: SECRET });
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'tenant', messageKey: 'profiles.errors.tenantNotFound', values: { tenant: 'no-such-partner.onmicrosoft.com', host: new URL(cloud.endpoints.entra).host } }],
    });
    expect(vault.entries.size).toBe(0);
    await expect(settingsBytes()).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a network failure of the tenant lookup on the tenant field', async () => {
    cloud.state.faults.add({ service: 'entra', fault: { type: 'reset' }, remaining: 1 });
    const result = await service.create(input({ tenant: cloud.state.world.partner.domain, cloud: localCloud }), { clientSecret: SECRET });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'tenant', messageKey: 'profiles.errors.tenantNetwork' }] });
  });

  it('does not store the secret when the file cannot be written', async () => {
    await writeFile(join(directory, 'blocker'), '');
    const blocked = makeService({}, join(directory, 'blocker', 'data'));
    await expect(blocked.create(input(), { clientSecret: SECRET })).rejects.toMatchObject({ code: 'file-unwritable' });
    expect(vault.entries.size).toBe(0);
  });

  it('reports a keychain that cannot store the secret, and saves nothing', async () => {
    vault.failing = true;
    const error = await service.create(input(), { clientSecret: SECRET }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProfileError);
    expect(error).toMatchObject({ code: 'keychain-failed', messageKey: 'profiles.errors.keychainFailed' });
    expect(String(error)).not.toContain(SECRET);
    await expect(settingsBytes()).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('serializes concurrent saves: none is lost', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, (_, index) => service.create(input({ displayName: `Customer ${String(index)}` }), { clientSecret: SECRET })));
    expect(results.every((result) => result.ok)).toBe(true);
    const { profiles } = await service.list();
    expect(profiles.map((profile) => profile.displayName).sort()).toEqual(Array.from({ length: 25 }, (_, index) => `Customer ${String(index)}`).sort());
    expect(new Set(profiles.map((profile) => profile.id)).size).toBe(25);
    expect(JSON.parse(await settingsBytes())).toMatchObject({ version: 1, profiles: { length: 25 } });
  });

  it('accepts every cloud with its own vault host, and the local cloud at its vault origin', async () => {
    const target = (vaultUrl: string) => ({ vaultUrl, secretName: 'SAM-RefreshToken', access: 'admin' });
    await created({ cloud: { kind: 'public' }, keyVault: target('https://Contoso-SAM.vault.azure.net') });
    await created({ cloud: { kind: 'usgov' }, keyVault: target('https://contoso-sam.vault.usgovcloudapi.net/') });
    await created({ cloud: { kind: 'china' }, keyVault: target('https://contoso-sam.vault.azure.cn/') });
    const local = { kind: 'custom', authorityHost: 'https://localhost:47301', partnerCenterUrl: 'https://localhost:47303', keyVaultSuffix: 'localhost:47302' };
    const profile = await created({ cloud: local, keyVault: target('https://localhost:47302') });
    expect(profile.keyVault?.vaultUrl).toBe('https://localhost:47302/');
    expect((await service.list()).profiles[0]?.keyVault?.vaultUrl).toBe('https://contoso-sam.vault.azure.net/');
  });

  it('asks the injected file check whether the certificate file is readable', async () => {
    const checked: string[] = [];
    service = makeService({ isReadableFile: async (path) => (checked.push(path), path === '/mnt/usb/sam.pfx') });
    await created({ credential: { kind: 'certificate', path: '/mnt/usb/sam.pfx', thumbprint: THUMBPRINT } }, {});
    expect(await service.create(input({ credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } }), {})).toMatchObject({
      ok: false,
      errors: [{ field: 'credential.path', messageKey: 'profiles.validation.certificateUnreadable' }],
    });
    expect(checked).toEqual(['/mnt/usb/sam.pfx', certificatePath]);
  });

  it('refuses an id generator that does not make UUIDs, which the file could not read back', async () => {
    service = makeService({ newId: () => 'profile-1' });
    await expect(service.create(input(), { clientSecret: SECRET })).rejects.toThrow(TypeError);
    expect(vault.entries.size).toBe(0);
  });

  it('normalizes a thumbprint copied from the Windows certificate manager', async () => {
    const copied = `\u200e${THUMBPRINT.toLowerCase().replace(/(..)/g, '$1 ')}`;
    const profile = await created({ credential: { kind: 'certificate', path: certificatePath, thumbprint: copied } }, {});
    expect(profile.credential).toEqual({ kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT });
  });
});

describe('validation', () => {
  const vaultTarget = (vaultUrl: string, secretName = 'SAM-RefreshToken', access = 'app') => ({ keyVault: { vaultUrl, secretName, access } });
  const custom = (changes: Record<string, string>) => ({ cloud: { kind: 'custom', authorityHost: 'https://login.example.com', partnerCenterUrl: 'https://api.example.com', keyVaultSuffix: 'vault.example.com', ...changes } });
  const certificate = (path: string, thumbprint = THUMBPRINT) => ({ credential: { kind: 'certificate', path, thumbprint } });

  /** [what is wrong, the input's changes, the secrets, the one error expected] */
  const cases: [string, Record<string, unknown> | (() => Record<string, unknown>), Record<string, unknown>, ProfileValidationError | (() => ProfileValidationError)][] = [
    ['an empty name', { displayName: '   ' }, { clientSecret: SECRET }, { field: 'displayName', messageKey: 'profiles.validation.displayName' }],
    ['a name over 100 characters', { displayName: 'x'.repeat(101) }, { clientSecret: SECRET }, { field: 'displayName', messageKey: 'profiles.validation.displayName' }],
    ['a tenant that is neither GUID nor domain', { tenant: 'contoso' }, { clientSecret: SECRET }, { field: 'tenant', messageKey: 'profiles.validation.tenant' }],
    ['a tenant URL', { tenant: 'https://login.microsoftonline.com/contoso.onmicrosoft.com' }, { clientSecret: SECRET }, { field: 'tenant', messageKey: 'profiles.validation.tenant' }],
    ['a client id that is not a GUID', { clientId: 'my-app' }, { clientSecret: SECRET }, { field: 'clientId', messageKey: 'profiles.validation.clientId' }],
    ['a missing client id', { clientId: undefined }, { clientSecret: SECRET }, { field: 'clientId', messageKey: 'profiles.validation.clientId' }],
    ['an unknown credential kind', { credential: { kind: 'password' } }, {}, { field: 'credential.kind', messageKey: 'profiles.validation.credentialKind' }],
    ['a missing credential', { credential: undefined }, {}, { field: 'credential.kind', messageKey: 'profiles.validation.credentialKind' }],
    ['no client secret for a secret credential', {}, {}, { field: 'clientSecret', messageKey: 'profiles.validation.clientSecret' }],
    ['a blank client secret', {}, { clientSecret: '  \n' }, { field: 'clientSecret', messageKey: 'profiles.validation.clientSecret' }],
    ['a client secret set to null', {}, { clientSecret: null }, { field: 'clientSecret', messageKey: 'profiles.validation.clientSecret' }],
    ["the client secret's ID instead of its value", {}, { clientSecret: '5f1a1a3e-9d1b-4e0a-8d7c-2b3a4c5d6e7f' }, { field: 'clientSecret', messageKey: 'profiles.validation.clientSecretIsId' }],
    ['a certificate file of another type', certificate('/tmp/cert.txt'), {}, { field: 'credential.path', messageKey: 'profiles.validation.certificatePath' }],
    ['an empty certificate path', certificate(' '), {}, { field: 'credential.path', messageKey: 'profiles.validation.certificatePath' }],
    ['a relative certificate path', certificate('certs/sam.pem'), {}, { field: 'credential.path', messageKey: 'profiles.validation.certificatePathRelative' }],
    ['a certificate file that does not exist', () => certificate(join(directory, 'missing.pfx')), {}, () => ({ field: 'credential.path', messageKey: 'profiles.validation.certificateUnreadable', values: { path: join(directory, 'missing.pfx') } })],
    ['a certificate path that is a folder', () => certificate(join(directory, 'folder.pem')), {}, () => ({ field: 'credential.path', messageKey: 'profiles.validation.certificateUnreadable', values: { path: join(directory, 'folder.pem') } })],
    ['a thumbprint of the wrong length', () => certificate(certificatePath, 'AB12'), {}, { field: 'credential.thumbprint', messageKey: 'profiles.validation.thumbprint' }],
    ['a thumbprint that is not hexadecimal', () => certificate(certificatePath, 'Z'.repeat(40)), {}, { field: 'credential.thumbprint', messageKey: 'profiles.validation.thumbprint' }],
    ['a vault URL over http', vaultTarget('http://contoso-sam.vault.azure.net/'), { clientSecret: SECRET }, { field: 'keyVault.vaultUrl', messageKey: 'profiles.validation.vaultUrl' }],
    ['a vault URL that is not a URL', vaultTarget('contoso-sam'), { clientSecret: SECRET }, { field: 'keyVault.vaultUrl', messageKey: 'profiles.validation.vaultUrl' }],
    ["a vault of another cloud", vaultTarget('https://contoso-sam.vault.azure.cn/'), { clientSecret: SECRET }, { field: 'keyVault.vaultUrl', messageKey: 'profiles.validation.vaultUrlCloud', values: { example: 'https://<vault-name>.vault.azure.net/' } }],
    ['a secret URL instead of the vault URL', vaultTarget('https://contoso-sam.vault.azure.net/secrets/SAM'), { clientSecret: SECRET }, { field: 'keyVault.vaultUrl', messageKey: 'profiles.validation.vaultUrlCloud', values: { example: 'https://<vault-name>.vault.azure.net/' } }],
    ['an invalid vault name', vaultTarget('https://a--b.vault.azure.net/'), { clientSecret: SECRET }, { field: 'keyVault.vaultUrl', messageKey: 'profiles.validation.vaultUrlCloud', values: { example: 'https://<vault-name>.vault.azure.net/' } }],
    ['the bare vault suffix', vaultTarget('https://vault.azure.net/'), { clientSecret: SECRET }, { field: 'keyVault.vaultUrl', messageKey: 'profiles.validation.vaultUrlCloud', values: { example: 'https://<vault-name>.vault.azure.net/' } }],
    [
      'a vault beside the local cloud',
      { ...vaultTarget('https://localhost:47399/'), cloud: { kind: 'custom', authorityHost: 'https://localhost:47301', partnerCenterUrl: 'https://localhost:47303', keyVaultSuffix: 'localhost:47302' } },
      { clientSecret: SECRET },
      { field: 'keyVault.vaultUrl', messageKey: 'profiles.validation.vaultUrlCloud', values: { example: 'https://localhost:47302/' } },
    ],
    ['a secret name with an underscore', vaultTarget('https://contoso-sam.vault.azure.net/', 'SAM_Token'), { clientSecret: SECRET }, { field: 'keyVault.secretName', messageKey: 'profiles.validation.secretName' }],
    ['a secret name over 127 characters', vaultTarget('https://contoso-sam.vault.azure.net/', 'a'.repeat(128)), { clientSecret: SECRET }, { field: 'keyVault.secretName', messageKey: 'profiles.validation.secretName' }],
    ['an empty secret name', vaultTarget('https://contoso-sam.vault.azure.net/', ''), { clientSecret: SECRET }, { field: 'keyVault.secretName', messageKey: 'profiles.validation.secretName' }],
    ['an unknown Key Vault access', vaultTarget('https://contoso-sam.vault.azure.net/', 'SAM', 'owner'), { clientSecret: SECRET }, { field: 'keyVault.access', messageKey: 'profiles.validation.keyVaultAccess' }],
    ['a Key Vault target that is not an object', { keyVault: 'https://contoso-sam.vault.azure.net/' }, { clientSecret: SECRET }, { field: 'keyVault', messageKey: 'profiles.validation.keyVault' }],
    ['no storage at all', { keychain: false }, { clientSecret: SECRET }, { field: 'keychain', messageKey: 'profiles.validation.storage' }],
    ['a keychain choice that is not yes or no', { keychain: 'yes' }, { clientSecret: SECRET }, { field: 'keychain', messageKey: 'profiles.validation.storage' }],
    ['a privileged redirect port', { redirectPort: 80 }, { clientSecret: SECRET }, { field: 'redirectPort', messageKey: 'profiles.validation.redirectPort' }],
    ['a redirect port over 65535', { redirectPort: 70_000 }, { clientSecret: SECRET }, { field: 'redirectPort', messageKey: 'profiles.validation.redirectPort' }],
    ['a fractional redirect port', { redirectPort: 8400.5 }, { clientSecret: SECRET }, { field: 'redirectPort', messageKey: 'profiles.validation.redirectPort' }],
    ['a redirect port as text', { redirectPort: '8400' }, { clientSecret: SECRET }, { field: 'redirectPort', messageKey: 'profiles.validation.redirectPort' }],
    ['an unknown cloud', { cloud: { kind: 'mars' } }, { clientSecret: SECRET }, { field: 'cloud.kind', messageKey: 'profiles.validation.cloudKind' }],
    ['a custom sign-in host over http', custom({ authorityHost: 'http://login.example.com' }), { clientSecret: SECRET }, { field: 'cloud.authorityHost', messageKey: 'profiles.validation.authorityHost' }],
    ['a custom sign-in host with a tenant path', custom({ authorityHost: 'https://login.example.com/contoso' }), { clientSecret: SECRET }, { field: 'cloud.authorityHost', messageKey: 'profiles.validation.authorityHost' }],
    ['a custom Partner Center URL with a query', custom({ partnerCenterUrl: 'https://api.example.com?x=1' }), { clientSecret: SECRET }, { field: 'cloud.partnerCenterUrl', messageKey: 'profiles.validation.partnerCenterUrl' }],
    ['a custom Key Vault suffix with a scheme', custom({ keyVaultSuffix: 'https://vault.example.com' }), { clientSecret: SECRET }, { field: 'cloud.keyVaultSuffix', messageKey: 'profiles.validation.keyVaultSuffix' }],
  ];

  it.each(cases)('names the field for %s', async (_, changes, secrets, expectation) => {
    await mkdir(join(directory, 'folder.pem'));
    const expected = typeof expectation === 'function' ? expectation() : expectation;
    const result = await service.create(input(typeof changes === 'function' ? changes() : changes), secrets);
    expect(result).toEqual({ ok: false, errors: [expected] });
    expect(englishText(expected.messageKey)).toMatch(/^[^:]+: .+/);
    expect(vault.entries.size).toBe(0);
    await expect(settingsBytes()).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports every problem at once, before any tenant lookup', async () => {
    const result = await service.create(
      input({ displayName: '', tenant: 'no-such-partner.onmicrosoft.com', clientId: 'x', keychain: false, redirectPort: 1, cloud: localCloud }),
      {},
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'displayName', messageKey: 'profiles.validation.displayName' },
        { field: 'clientId', messageKey: 'profiles.validation.clientId' },
        { field: 'redirectPort', messageKey: 'profiles.validation.redirectPort' },
        { field: 'keychain', messageKey: 'profiles.validation.storage' },
        { field: 'clientSecret', messageKey: 'profiles.validation.clientSecret' },
      ],
    });
  });

  it('names the profile itself when the input is not an object', async () => {
    expect(await service.create('Contoso', { clientSecret: SECRET })).toEqual({ ok: false, errors: [{ field: 'profile', messageKey: 'profiles.validation.profile' }] });
  });
});

describe('updating a profile', () => {
  it('keeps the id, creation time and stored secret; changes the rest', async () => {
    const original = await created();
    tick();
    const result = await service.update(original.id, input({ displayName: 'Contoso (renamed)', redirectPort: 'any' }), {});
    expect(result).toEqual({ ok: true, refreshTokenCleared: false, profile: { ...original, displayName: 'Contoso (renamed)', redirectPort: 'any', updatedAt: '2025-01-01T00:01:00.000Z' } });
    expect(vault.entries.get(secretAccounts.clientSecret(original.id))).toBe(SECRET);
    expect(await service.list()).toMatchObject({ profiles: [{ displayName: 'Contoso (renamed)' }] });
  });

  it('replaces the client secret when a new one is given; an empty field keeps it', async () => {
    const { id } = await created();
    await service.update(id, input(), { clientSecret: 'New~secret.value_abcdefghijklmnopqrstuvwxyz' });
    expect(vault.entries.get(secretAccounts.clientSecret(id))).toBe('New~secret.value_abcdefghijklmnopqrstuvwxyz');
    await service.update(id, input(), { clientSecret: '' });
    expect(vault.entries.get(secretAccounts.clientSecret(id))).toBe('New~secret.value_abcdefghijklmnopqrstuvwxyz');
    expect(await settingsBytes()).not.toContain('New~secret');
  });

  it('requires a client secret when switching to one and none is stored', async () => {
    const { id } = await created({ credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } }, {});
    expect(await service.update(id, input(), {})).toEqual({ ok: false, errors: [{ field: 'clientSecret', messageKey: 'profiles.validation.clientSecret' }] });
    expect(await service.update(id, input(), { clientSecret: SECRET })).toMatchObject({ ok: true });
    expect(vault.entries.get(secretAccounts.clientSecret(id))).toBe(SECRET);
  });

  it('deletes the secrets the profile no longer uses', async () => {
    const { id } = await created();
    const asCertificate = input({ credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } });
    await service.update(id, asCertificate, { certificatePassword: PASSWORD });
    expect(secretEntries()).toEqual(new Map([[secretAccounts.certificatePassword(id), PASSWORD]]));
    await service.update(id, asCertificate, { certificatePassword: null });
    expect(secretEntries().size).toBe(0);
  });

  it('looks the tenant up only when it or the cloud changed', async () => {
    const { partner } = cloud.state.world;
    const original = await created({ tenant: partner.domain, cloud: localCloud });
    // Entra is now down: a rename must not need it.
    cloud.state.faults.add({ service: 'entra', fault: { type: 'status', status: 500 }, remaining: 100 });
    expect(await service.update(original.id, input({ tenant: partner.domain, cloud: localCloud, displayName: 'Renamed offline' }), {})).toMatchObject({ ok: true, profile: { tenantId: partner.tenantId } });
    expect(await service.update(original.id, input({ tenant: 'other.onmicrosoft.com', cloud: localCloud }), {})).toMatchObject({
      ok: false,
      errors: [{ field: 'tenant', messageKey: 'profiles.errors.tenantBadAnswer', values: { status: 500 } }],
    });
  });

  it("clears the keychain's refresh token when the app or tenant changes, since a new consent is needed", async () => {
    const { id } = await created();
    vault.entries.set(secretAccounts.refreshToken(id), '0.AXYZ-refresh-token');
    expect(await service.update(id, input({ displayName: 'Same app' }), {})).toMatchObject({ ok: true, refreshTokenCleared: false });
    expect(vault.entries.has(secretAccounts.refreshToken(id))).toBe(true);
    // Another app is another identity: its client secret is entered with the change (endpoint-binding.ts).
    expect(await service.update(id, input({ clientId: '9d2d7b3b-1111-4222-8333-444455556666' }), { clientSecret: SECRET })).toMatchObject({ ok: true, refreshTokenCleared: true });
    expect(vault.entries.has(secretAccounts.refreshToken(id))).toBe(false);
  });

  it('reports a profile that no longer exists', async () => {
    const error = await service.update('00000000-0000-4000-8000-000000000000', input(), { clientSecret: SECRET }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProfileError);
    expect(error).toMatchObject({ code: 'not-found', messageKey: 'profiles.errors.notFound' });
  });
});

describe('secrets bound to their endpoints', () => {
  const CUSTOM = { kind: 'custom', authorityHost: 'https://login.example.com', partnerCenterUrl: 'https://api.example.com', keyVaultSuffix: 'vault.example.com', graphUrl: 'https://graph.example.com' };
  const custom = (changes: Record<string, string> = {}) => ({ cloud: { ...CUSTOM, ...changes } });
  const vault1 = { keyVault: { vaultUrl: 'https://contoso.vault.example.com/', secretName: 'SAM', access: 'app' } };
  const rebind: ProfileValidationError = { field: 'clientSecret', messageKey: 'profiles.validation.clientSecretRebind' };
  const consented = (id: string): void => {
    vault.entries.set(secretAccounts.refreshToken(id), '0.AXYZ-refresh-token');
    vault.entries.set(secretAccounts.tokenBinding(id), vault.entries.get(secretAccounts.credentialBinding(id)) ?? '');
  };
  const tokensKept = (id: string): boolean => vault.entries.has(secretAccounts.refreshToken(id)) && vault.entries.has(secretAccounts.tokenBinding(id));

  it.each([
    ['sign-in host', custom({ authorityHost: 'https://login.attacker.example' })],
    ['Partner Center', custom({ partnerCenterUrl: 'https://api.attacker.example' })],
    ['Graph', custom({ graphUrl: 'https://graph.attacker.example' })],
    ['Key Vault', { ...custom(), keyVault: { vaultUrl: 'https://attacker.vault.example.com/', secretName: 'SAM', access: 'app' } }],
    ['cloud', { cloud: { kind: 'usgov' }, keyVault: null }],
    ['tenant', { ...custom(), tenant: '5e0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b' }],
  ])('needs the client secret again to change the %s, then drops the old refresh tokens', async (_name, change) => {
    const { id } = await created({ ...custom(), ...vault1 });
    consented(id);
    expect(await service.update(id, input({ ...vault1, ...change }), {})).toEqual({ ok: false, errors: [rebind] });
    expect(await service.update(id, input({ ...vault1, ...change }), { clientSecret: '  ' })).toEqual({ ok: false, errors: [rebind] });
    expect(tokensKept(id)).toBe(true);
    expect(await service.update(id, input({ ...vault1, ...change }), { clientSecret: 'New~secret.value_abcdefghijklmnopqrstuvwxyz' })).toMatchObject({ ok: true, refreshTokenCleared: true });
    expect(tokensKept(id)).toBe(false);
    expect(vault.entries.has(secretAccounts.tokenBinding(id))).toBe(false);
    // Bound now to where it points: a rename needs nothing more.
    expect(await service.update(id, input({ ...vault1, ...change, displayName: 'Renamed' }), {})).toMatchObject({ ok: true, refreshTokenCleared: false });
  });

  it('lets Graph and Key Vault be dropped and the same ones taken up again without the secret, keeping the tokens', async () => {
    const { id } = await created({ ...custom(), ...vault1 });
    consented(id);
    expect(await service.update(id, input({ cloud: { ...CUSTOM, graphUrl: undefined }, keyVault: null }), {})).toMatchObject({ ok: true, refreshTokenCleared: false });
    expect(await service.update(id, input({ ...custom(), ...vault1 }), {})).toMatchObject({ ok: true, refreshTokenCleared: false });
    expect(tokensKept(id)).toBe(true);
  });

  it("needs a certificate's stored password again; a certificate without one has no secret to ask for", async () => {
    const certificate = { credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } };
    const withPassword = await created({ ...certificate, ...custom() }, { certificatePassword: PASSWORD });
    const moved = input({ ...certificate, ...custom({ authorityHost: 'https://login.attacker.example' }) });
    expect(await service.update(withPassword.id, moved, {})).toEqual({ ok: false, errors: [{ field: 'certificatePassword', messageKey: 'profiles.validation.certificatePasswordRebind' }] });
    expect(await service.update(withPassword.id, moved, { certificatePassword: PASSWORD })).toMatchObject({ ok: true });
    const without = await created({ ...certificate, ...custom() }, {});
    consented(without.id);
    expect(await service.update(without.id, moved, {})).toMatchObject({ ok: true, refreshTokenCleared: true });
    expect(tokensKept(without.id)).toBe(false);
  });

  it('binds a profile saved before bindings existed to itself as it was, before the edit is judged', async () => {
    const { id } = await created(custom());
    vault.entries.delete(secretAccounts.credentialBinding(id));
    expect(await service.update(id, input(custom({ graphUrl: 'https://graph.attacker.example' })), {})).toEqual({ ok: false, errors: [rebind] });
    expect(JSON.parse(vault.entries.get(secretAccounts.credentialBinding(id)) ?? '{}')).toMatchObject({ endpoints: { graphUrl: 'https://graph.example.com', tenantId: TENANT_ID } });
  });

  it('holds a binding that cannot be read to nothing: every save needs the secret', async () => {
    const { id } = await created(custom());
    vault.entries.set(secretAccounts.credentialBinding(id), 'not a binding');
    expect(await service.update(id, input({ ...custom(), displayName: 'Renamed' }), {})).toEqual({ ok: false, errors: [rebind] });
    expect(await service.update(id, input({ ...custom(), displayName: 'Renamed' }), { clientSecret: SECRET })).toMatchObject({ ok: true });
  });

  it('a save that failed at the file needs no secret the second time: the keychain is already bound to where it goes', async () => {
    const { id } = await created(custom());
    const moved = input(custom({ authorityHost: 'https://login.attacker.example' }));
    const failing = makeService({ file: { ...createProfileFile({ directory: join(directory, 'data'), now: () => clock }), write: () => Promise.reject(new ProfileError('file-unwritable', { path: 'x' })) } });
    await expect(failing.update(id, moved, { clientSecret: 'New~secret.value_abcdefghijklmnopqrstuvwxyz' })).rejects.toMatchObject({ code: 'file-unwritable' });
    expect(vault.entries.get(secretAccounts.clientSecret(id))).toBe('New~secret.value_abcdefghijklmnopqrstuvwxyz');
    expect(await service.update(id, moved, {})).toMatchObject({ ok: true });
  });

  it('a save that failed at the secret puts the old binding back: the old secret is never bound elsewhere', async () => {
    const { id } = await created(custom());
    const moved = input(custom({ authorityHost: 'https://login.attacker.example' }));
    const set = vault.set.bind(vault);
    vault.set = async (account, value) => (account === secretAccounts.clientSecret(id) ? Promise.reject(new Error('keychain locked')) : set(account, value));
    await expect(service.update(id, moved, { clientSecret: 'New~secret.value_abcdefghijklmnopqrstuvwxyz' })).rejects.toMatchObject({ code: 'keychain-failed' });
    vault.set = set;
    expect(await service.update(id, moved, {})).toEqual({ ok: false, errors: [rebind] });
    expect(vault.entries.get(secretAccounts.clientSecret(id))).toBe(SECRET);
  });

  it('gives a copy its original’s binding and no more: new endpoints for the copy need the secret', async () => {
    const original = await created({ ...custom(), ...vault1 });
    consented(original.id);
    const copy = await service.duplicate(original.id);
    if (!copy.ok) throw new Error('duplicate failed');
    expect(vault.entries.get(secretAccounts.credentialBinding(copy.profile.id))).toBe(vault.entries.get(secretAccounts.credentialBinding(original.id)));
    expect(vault.entries.has(secretAccounts.refreshToken(copy.profile.id))).toBe(false);
    expect(await service.update(copy.profile.id, input({ ...vault1, ...custom({ authorityHost: 'https://login.attacker.example' }) }), {})).toEqual({ ok: false, errors: [rebind] });
  });
});

describe('duplicating and removing', () => {
  it('duplicates with a new id, a " (copy)" name and the client secret, but not the refresh token', async () => {
    const original = await created();
    vault.entries.set(secretAccounts.refreshToken(original.id), '0.AXYZ-refresh-token');
    tick();
    const result = await service.duplicate(original.id);
    expect(result).toMatchObject({ ok: true, profile: { ...original, id: expect.not.stringMatching(original.id) as unknown, displayName: 'Contoso (production) (copy)', createdAt: clock.toISOString(), updatedAt: clock.toISOString() } });
    if (!result.ok) return;
    expect(vault.entries.get(secretAccounts.clientSecret(result.profile.id))).toBe(SECRET);
    expect(vault.entries.has(secretAccounts.refreshToken(result.profile.id))).toBe(false);
    expect(await settingsBytes()).not.toContain(SECRET);
    expect(await service.duplicate(original.id)).toMatchObject({ profile: { displayName: 'Contoso (production) (copy 2)' } });
    expect(await service.duplicate(original.id, 'Contoso (test)')).toMatchObject({ profile: { displayName: 'Contoso (test)' } });
    expect(await service.duplicate(original.id, ' ')).toEqual({ ok: false, errors: [{ field: 'displayName', messageKey: 'profiles.validation.displayName' }] });
    expect((await service.list()).profiles).toHaveLength(4);
  });

  it('keeps a copy of a long name within the name limit', async () => {
    const original = await created({ displayName: 'x'.repeat(100) });
    expect(await service.duplicate(original.id)).toMatchObject({ profile: { displayName: `${'x'.repeat(93)} (copy)` } });
  });

  it('duplicates a certificate profile with its password', async () => {
    const original = await created({ credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } }, { certificatePassword: PASSWORD });
    const result = await service.duplicate(original.id);
    if (!result.ok) throw new Error('duplicate failed');
    expect(vault.entries.get(secretAccounts.certificatePassword(result.profile.id))).toBe(PASSWORD);
  });

  it("removes the profile and all its keychain entries, and only its own", async () => {
    const keep = await created({ displayName: 'Keep' });
    const gone = await created({ displayName: 'Gone' });
    for (const account of Object.values(secretAccounts)) {
      vault.entries.set(account(gone.id), 'secret');
      vault.entries.set(account(keep.id), 'secret');
    }
    expect(await service.remove(gone.id)).toEqual({ keychainCleanupFailed: false });
    expect((await service.list()).profiles).toEqual([keep]);
    expect([...vault.entries.keys()].sort()).toEqual(Object.values(secretAccounts).map((account) => account(keep.id)).sort());
    await expect(service.remove(gone.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('still removes the profile when the keychain fails, and says so', async () => {
    const profile = await created();
    vault.failing = true;
    expect(await service.remove(profile.id)).toEqual({ keychainCleanupFailed: true });
    expect((await service.list()).profiles).toEqual([]);
  });
});

describe('export and import', () => {
  it('exports the documented format with no secret, no id and no timestamps', async () => {
    const profile = await created({ keyVault: { vaultUrl: 'https://contoso-sam.vault.azure.net/', secretName: 'SAM', access: 'app' } });
    const certificateProfile = await created({ displayName: 'Fabrikam', credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } }, { certificatePassword: PASSWORD });
    vault.entries.set(secretAccounts.refreshToken(profile.id), '0.AXYZ-refresh-token');
    const json = await service.exportProfiles();
    for (const secret of [SECRET, PASSWORD.trim(), '0.AXYZ', profile.id, certificateProfile.id, 'createdAt', 'clientSecret', 'password']) expect(json).not.toContain(secret);
    expect(JSON.parse(json)).toEqual({
      format: 'sam-desk-profiles',
      version: 1,
      exportedAt: clock.toISOString(),
      profiles: [
        { ...input({ keyVault: { vaultUrl: 'https://contoso-sam.vault.azure.net/', secretName: 'SAM', access: 'app' } }), tenantId: TENANT_ID },
        { ...input({ displayName: 'Fabrikam', credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } }), tenantId: TENANT_ID },
      ],
    });
    expect(JSON.parse(await service.exportProfiles([certificateProfile.id]))).toMatchObject({ profiles: [{ displayName: 'Fabrikam' }] });
    await expect(service.exportProfiles(['00000000-0000-4000-8000-000000000000'])).rejects.toMatchObject({ code: 'not-found' });
  });

  it('round-trips through import with new ids, without secrets, saying what each profile still needs', async () => {
    const { partner } = cloud.state.world;
    const originals = [
      await created(),
      await created({ displayName: 'Fabrikam', credential: { kind: 'certificate', path: certificatePath, thumbprint: THUMBPRINT } }, { certificatePassword: PASSWORD }),
      await created({ displayName: 'Local', tenant: partner.domain, cloud: localCloud }),
    ];
    const json = await service.exportProfiles();

    const otherVault = new MemoryVault();
    // Another computer: the certificate file is not there, and Entra is down (the exported tenant ids need no lookup).
    await rm(certificatePath);
    cloud.state.faults.add({ service: 'entra', fault: { type: 'reset' }, remaining: 100 });
    const other = makeService({ vault: otherVault }, join(directory, 'other'));
    tick();
    const result = await other.importProfiles(json);
    if (!result.ok) throw new Error('import failed');
    expect(result).toMatchObject({ imported: 3, rejected: 0 });
    const imported = result.entries.map((entry) => (entry.status === 'imported' ? entry.profile : null));
    const strip = (profile: Profile | null) => (profile ? { ...profile, id: undefined, createdAt: undefined, updatedAt: undefined } : null);
    expect(imported.map(strip)).toEqual(originals.map(strip));
    for (const [index, profile] of imported.entries()) {
      expect(profile?.id).not.toBe(originals[index]?.id);
      expect(profile?.createdAt).toBe(clock.toISOString());
    }
    expect(result.entries.map((entry) => (entry.status === 'imported' ? entry.notices : null))).toEqual([
      [{ field: 'clientSecret', messageKey: 'profiles.import.needsClientSecret' }],
      [{ field: 'credential.path', messageKey: 'profiles.import.needsCertificate', values: { path: certificatePath } }],
      [{ field: 'clientSecret', messageKey: 'profiles.import.needsClientSecret' }],
    ]);
    expect(otherVault.entries.size).toBe(0);
    expect((await other.list()).profiles).toEqual(imported);
  });

  it('rejects bad entries with field-level errors and imports the good ones', async () => {
    const good = { ...input({ displayName: 'Good' }), tenantId: TENANT_ID };
    const json = JSON.stringify({
      format: 'sam-desk-profiles',
      version: 1,
      profiles: [
        good,
        { ...good, displayName: 'Bad app', clientId: 'not-a-guid', redirectPort: 22 },
        { ...good, displayName: 'Bad tenant id', tenantId: '11111111-2222-4333-8444-555555555555' },
        { ...good, displayName: 'Bad vault', keyVault: { vaultUrl: 'https://contoso.vault.azure.cn/', secretName: 'x', access: 'app' } },
        'not a profile',
        { ...good, displayName: 'Unknown tenant', tenant: 'no-such-partner.onmicrosoft.com', tenantId: undefined, cloud: localCloud },
      ],
    });
    const result = await service.importProfiles(json);
    expect(result).toMatchObject({ ok: true, imported: 1, rejected: 5 });
    if (!result.ok) return;
    expect(result.entries.map((entry) => (entry.status === 'rejected' ? { index: entry.index, displayName: entry.displayName, errors: entry.errors } : entry.index))).toEqual([
      0,
      {
        index: 1,
        displayName: 'Bad app',
        errors: [
          { field: 'clientId', messageKey: 'profiles.validation.clientId' },
          { field: 'redirectPort', messageKey: 'profiles.validation.redirectPort' },
        ],
      },
      { index: 2, displayName: 'Bad tenant id', errors: [{ field: 'tenantId', messageKey: 'profiles.validation.tenantId' }] },
      { index: 3, displayName: 'Bad vault', errors: [{ field: 'keyVault.vaultUrl', messageKey: 'profiles.validation.vaultUrlCloud', values: { example: 'https://<vault-name>.vault.azure.net/' } }] },
      { index: 4, displayName: null, errors: [{ field: 'profile', messageKey: 'profiles.validation.profile' }] },
      {
        index: 5,
        displayName: 'Unknown tenant',
        errors: [{ field: 'tenant', messageKey: 'profiles.errors.tenantNotFound', values: { tenant: 'no-such-partner.onmicrosoft.com', host: new URL(cloud.endpoints.entra).host } }],
      },
    ]);
    expect((await service.list()).profiles.map((profile) => profile.displayName)).toEqual(['Good']);
  });

  it('never imports secrets found in an entry, and says so', async () => {
    const entry = { ...input(), tenantId: TENANT_ID, clientSecret: SECRET, credential: { kind: 'secret', password: PASSWORD }, refreshToken: '0.AXYZ-refresh-token' };
    const result = await service.importProfiles(JSON.stringify({ version: 1, profiles: [entry] }));
    expect(result).toMatchObject({
      ok: true,
      imported: 1,
      entries: [{ status: 'imported', notices: [{ messageKey: 'profiles.import.needsClientSecret' }, { field: 'profile', messageKey: 'profiles.import.secretsIgnored', values: { names: 'clientSecret, refreshToken, password' } }] }],
    });
    expect(vault.entries.size).toBe(0);
    const bytes = await settingsBytes();
    for (const secret of [SECRET, PASSWORD.trim(), '0.AXYZ']) expect(bytes).not.toContain(secret);
  });

  it('imports a settings file itself, such as a repaired damaged copy', async () => {
    const original = await created();
    const settings = await settingsBytes();
    const result = await service.importProfiles(settings);
    expect(result).toMatchObject({ ok: true, imported: 1, entries: [{ profile: { displayName: original.displayName, tenantId: TENANT_ID } }] });
    expect((await service.list()).profiles).toHaveLength(2);
  });

  it('refuses files that are not exports', async () => {
    expect(await service.importProfiles('{ not json')).toEqual({ ok: false, messageKey: 'profiles.errors.importNotJson', values: {} });
    expect(await service.importProfiles('{"profiles": 1}')).toEqual({ ok: false, messageKey: 'profiles.errors.importFormat', values: {} });
    expect(await service.importProfiles('[]')).toEqual({ ok: false, messageKey: 'profiles.errors.importFormat', values: {} });
    expect(await service.importProfiles('{"format": "sam-desk-profiles", "version": 3, "profiles": []}')).toEqual({ ok: false, messageKey: 'profiles.errors.importNewerVersion', values: { version: 3 } });
    expect(await service.importProfiles(JSON.stringify({ version: 1, profiles: Array.from({ length: 1001 }, () => ({})) }))).toMatchObject({ ok: false, messageKey: 'profiles.errors.importTooLarge' });
    await expect(settingsBytes()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a damaged settings file', () => {
  it('is reported by list() with where it was kept, and profiles can be created again', async () => {
    await mkdir(join(directory, 'data'));
    await writeFile(settingsPath(), 'this is not JSON');
    const listing = await service.list();
    expect(listing).toEqual({
      profiles: [],
      damaged: { messageKey: 'profiles.errors.damagedFile', path: settingsPath(), movedTo: `${settingsPath()}.damaged-2025-01-01T00-00-00.000Z`, reason: 'not-json', recovered: 0, dropped: 0 },
    });
    const profile = await created();
    expect(await service.list()).toEqual({ profiles: [profile], damaged: listing.damaged });
    expect(await readFile(listing.damaged?.movedTo ?? '', 'utf8')).toBe('this is not JSON');
    expect((await readdir(join(directory, 'data'))).sort()).toEqual([PROFILES_FILE_NAME, `${PROFILES_FILE_NAME}.damaged-2025-01-01T00-00-00.000Z`]);
  });
});
