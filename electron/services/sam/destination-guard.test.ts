import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTlsMaterial } from '../../../emulators/core/tls-certificate';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { startRecordingServer, type RecordingServer } from '../../testing/recording-server';
import { assertDestination, destinationPolicy } from './destination-guard';

/**
 * The destination check as the Azure SDKs run it: a pipeline policy in @azure/identity's own sign-in and in the Key
 * Vault client, against a recording server that must receive nothing when it is not the bound address.
 */
let elsewhere: RecordingServer;
const TENANT = '7b0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b';
const CLIENT = '0d2d7b3b-1111-4222-8333-444455556666';
const SECRET = 'Xq8~Zr.a-client-secret-that-must-stay-home';

beforeAll(async () => {
  const tls = await ensureTlsMaterial(TLS_DIRECTORY);
  elsewhere = await startRecordingServer({ tls: { cert: tls.certPem, key: tls.keyPem }, challengeAuthority: `https://login.example.com/${TENANT}` });
});
afterAll(() => elsewhere.close());

describe('a request to anywhere but the bound address', () => {
  it('is refused with the service and host named, and nothing more', () => {
    expect(() => assertDestination('https://api.attacker.example/v1/customers', ['https://api.partnercenter.microsoft.com'], 'partner-center')).toThrow(
      expect.objectContaining({ code: 'destination-refused', detail: { service: 'partner-center', host: 'api.attacker.example' } }),
    );
    expect(() => assertDestination('https://api.partnercenter.microsoft.com/v1/customers', ['https://api.partnercenter.microsoft.com'], 'partner-center')).not.toThrow();
  });

  it("never leaves @azure/identity's sign-in: the app's secret stays home", async () => {
    const credential = new ClientSecretCredential(TENANT, CLIENT, SECRET, { authorityHost: elsewhere.origin, disableInstanceDiscovery: true, additionalPolicies: [destinationPolicy(['https://login.example.com'], 'entra')] });
    await expect(credential.getToken('https://vault.azure.net/.default')).rejects.toBeDefined();
    expect(elsewhere.received).toEqual([]);
  });

  it('never leaves the Key Vault client, the unauthenticated first request included', async () => {
    const token = { getToken: async () => ({ token: 'a-key-vault-access-token', expiresOnTimestamp: Date.now() + 60_000 }) };
    const client = new SecretClient(`${elsewhere.origin}/`, token, { disableChallengeResourceVerification: true, retryOptions: { maxRetries: 0 }, additionalPolicies: [destinationPolicy(['https://contoso.vault.azure.net'], 'key-vault')] });
    await expect(client.getSecret('rt')).rejects.toMatchObject({ code: 'destination-refused', detail: { service: 'key-vault' } });
    expect(elsewhere.received).toEqual([]);
    // Bound to it, the same client talks to it (and sends its token only after the vault's challenge).
    const bound = new SecretClient(`${elsewhere.origin}/`, token, { disableChallengeResourceVerification: true, retryOptions: { maxRetries: 0 }, additionalPolicies: [destinationPolicy([elsewhere.origin], 'key-vault')] });
    await expect(bound.getSecret('rt')).rejects.toMatchObject({ statusCode: 404 });
    expect(elsewhere.received.length).toBeGreaterThan(0);
  });
});
