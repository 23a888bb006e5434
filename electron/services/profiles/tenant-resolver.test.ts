import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { knownClouds } from '../../../shared/profiles/clouds';
import type { CloudChoice } from '../../../shared/profiles/profile';
import { createTenantResolver } from './tenant-resolver';

/** Domain → tenant id against the real Entra emulator: its OpenID configuration, its AADSTS90002, injected faults. */
let cloud: LocalCloud;
let localCloud: CloudChoice;

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 1, customers: 1, maxUsersPerCustomer: 1 } });
  localCloud = { kind: 'custom', authorityHost: cloud.endpoints.entra, partnerCenterUrl: cloud.endpoints.partnerCenter, keyVaultSuffix: new URL(cloud.endpoints.keyVault).host };
});
afterAll(() => cloud.close());
beforeEach(() => cloud.state.faults.clear());

const entraHost = (): string => new URL(cloud.endpoints.entra).host;

describe('resolving a tenant', () => {
  it('uses a GUID as is, lower-cased, without any network request', async () => {
    const resolve = createTenantResolver({ fetch: () => Promise.reject(new Error('no network expected')) });
    expect(await resolve(' 7B0C1E2A-3F4D-4E5F-8A9B-0C1D2E3F4A5B ', { kind: 'public' })).toEqual({ ok: true, tenantId: '7b0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b' });
  });

  it("resolves the partner's domain to its tenant GUID through the cloud's OpenID configuration", async () => {
    const { partner } = cloud.state.world;
    const resolve = createTenantResolver();
    expect(await resolve(partner.domain, localCloud)).toEqual({ ok: true, tenantId: partner.tenantId });
    expect(await resolve(partner.domain.toUpperCase(), localCloud)).toEqual({ ok: true, tenantId: partner.tenantId });
  });

  it('reports an unknown domain (Entra answers 400 with AADSTS90002) as tenant-not-found', async () => {
    const outcome = await createTenantResolver()('no-such-partner.onmicrosoft.com', localCloud);
    expect(outcome).toEqual({
      ok: false,
      code: 'tenant-not-found',
      messageKey: 'profiles.errors.tenantNotFound',
      values: { tenant: 'no-such-partner.onmicrosoft.com', host: entraHost() },
    });
  });

  it('reads Entra’s answers after a UTF-8 byte-order mark and without error_codes', async () => {
    const { partner } = cloud.state.world;
    cloud.state.faults.add({ service: 'entra', fault: { type: 'byte-order-mark' }, remaining: 2 });
    expect(await createTenantResolver()(partner.domain, localCloud)).toEqual({ ok: true, tenantId: partner.tenantId });
    expect(await createTenantResolver()('no-such-partner.onmicrosoft.com', localCloud)).toMatchObject({ ok: false, code: 'tenant-not-found' });
    cloud.state.faults.add({ service: 'entra', fault: { type: 'patch-json', remove: ['error_codes'] }, remaining: 1 });
    expect(await createTenantResolver()('no-such-partner.onmicrosoft.com', localCloud)).toMatchObject({ ok: false, code: 'tenant-not-found' });
  });

  it('reports a timeout when Entra does not answer in time (AbortSignal.timeout)', async () => {
    cloud.state.faults.add({ service: 'entra', fault: { type: 'delay', ms: 3_000 }, remaining: 1 });
    const started = Date.now();
    const outcome = await createTenantResolver({ timeoutMs: 300 })(cloud.state.world.partner.domain, localCloud);
    expect(outcome).toMatchObject({ ok: false, code: 'timeout', messageKey: 'profiles.errors.tenantTimeout', values: { seconds: 1, host: entraHost() } });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('reports the network when the connection is reset', async () => {
    cloud.state.faults.add({ service: 'entra', fault: { type: 'reset' }, remaining: 1 });
    expect(await createTenantResolver()(cloud.state.world.partner.domain, localCloud)).toMatchObject({ ok: false, code: 'network', messageKey: 'profiles.errors.tenantNetwork' });
  });

  it('reports the network when nothing listens at the authority', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const down: CloudChoice = { ...localCloud, authorityHost: `https://localhost:${String(port)}` } as CloudChoice;
    expect(await createTenantResolver()('contoso.onmicrosoft.com', down)).toMatchObject({ ok: false, code: 'network', values: { host: `localhost:${String(port)}` } });
  });

  it('reports a bad answer for a server error and for a body that is not JSON', async () => {
    const resolve = createTenantResolver();
    cloud.state.faults.add({ service: 'entra', fault: { type: 'status', status: 503, body: 'busy' }, remaining: 1 });
    expect(await resolve(cloud.state.world.partner.domain, localCloud)).toMatchObject({ ok: false, code: 'bad-answer', messageKey: 'profiles.errors.tenantBadAnswer', values: { status: 503 } });
    cloud.state.faults.add({ service: 'entra', fault: { type: 'malformed-json' }, remaining: 1 });
    expect(await resolve(cloud.state.world.partner.domain, localCloud)).toMatchObject({ ok: false, code: 'bad-answer', values: { status: 200 } });
  });

  it('reports a bad answer when the issuer carries no tenant GUID (the multi-tenant "organizations" endpoint)', async () => {
    expect(await createTenantResolver()('organizations', localCloud)).toMatchObject({ ok: false, code: 'bad-answer' });
  });

  it('reports an untrusted connection when the certificate cannot be verified (an intercepting proxy)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sam-desk-untrusted-'));
    const untrusted = await startLocalCloud({ tlsDirectory: directory, world: { seed: 1, customers: 1, maxUsersPerCustomer: 1 } });
    try {
      const choice: CloudChoice = { ...localCloud, authorityHost: untrusted.endpoints.entra } as CloudChoice;
      expect(await createTenantResolver()(untrusted.state.world.partner.domain, choice)).toMatchObject({ ok: false, code: 'untrusted', messageKey: 'profiles.errors.tenantUntrusted' });
    } finally {
      await untrusted.close();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("reports a tenant of another Microsoft cloud from Entra's cloud_instance_name", async () => {
    // Entra's public endpoint answers for a US Government tenant too, naming its cloud; here the emulator (which
    // names microsoftonline.com) stands in for the authority of each known cloud.
    const viaEmulator: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return fetch(url.replace(/^https:\/\/login\.[^/]+/, cloud.endpoints.entra), init);
    };
    const resolve = createTenantResolver({ fetch: viaEmulator });
    const { partner } = cloud.state.world;
    expect(await resolve(partner.domain, { kind: 'public' })).toEqual({ ok: true, tenantId: partner.tenantId });
    expect(await resolve(partner.domain, { kind: 'usgov' })).toEqual({
      ok: false,
      code: 'wrong-cloud',
      messageKey: 'profiles.errors.tenantWrongCloud',
      values: { tenant: partner.domain, host: new URL(knownClouds.usgov.authorityHost).host, instance: 'microsoftonline.com' },
    });
  });
});
