import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { SecretClient, type SecretClientOptions } from '@azure/keyvault-secrets';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import type { JWTPayload } from 'jose';
import { CloudState } from '../core/cloud-state';
import { KEY_VAULT_RESOURCE, type CloudEndpoints } from '../core/endpoints';
import { startService, type ServiceServer } from '../core/http';
import { ensureTlsMaterial } from '../core/tls-certificate';
import { TLS_DIRECTORY } from '../testing/global-setup';
import { keyVaultRoutes } from './routes';
import { KeyVaultStore } from './store';

/**
 * Test harness (used by the *.test.ts files here, not by the app): the Key Vault emulator alone on a free port,
 * with a fresh CloudState, and a TokenCredential that mints tokens with the cloud's signing key the way the Entra
 * emulator would, recording what SecretClient asked it for.
 */
export interface TestVault {
  readonly state: CloudState;
  readonly store: KeyVaultStore;
  readonly endpoints: CloudEndpoints;
  readonly tenantId: string;
  /** The principal tokens name unless a test says otherwise. */
  readonly oid: string;
  token(overrides?: JWTPayload): Promise<string>;
  client(options?: { claims?: JWTPayload; credential?: RecordingCredential; clientOptions?: SecretClientOptions }): SecretClient;
  /** A raw HTTPS request to the vault (path and query), for what the SDK hides. */
  fetch(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export class RecordingCredential implements TokenCredential {
  readonly requests: { scopes: string[]; tenantId: string | undefined }[] = [];

  constructor(private readonly mint: () => Promise<string>) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    this.requests.push({ scopes: Array.isArray(scopes) ? scopes : [scopes], tenantId: options?.tenantId });
    // The SDK caches by this timestamp; an hour ahead in real time keeps it from asking again mid-test.
    return { token: await this.mint(), expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

export async function startTestVault(): Promise<TestVault> {
  const tls = await ensureTlsMaterial(TLS_DIRECTORY);
  const state = await CloudState.create({ seed: 7, customers: 1, maxUsersPerCustomer: 1 });
  const store = new KeyVaultStore();
  // No Entra server runs here: the challenge only has to name an authority whose path is the tenant.
  const endpoints: CloudEndpoints = { entra: 'https://localhost:9', keyVault: '', partnerCenter: '', graph: '', control: '' };
  const server: ServiceServer = await startService({ name: 'keyvault', port: 0, tls, faults: state.faults, routes: keyVaultRoutes(state, store, endpoints) });
  endpoints.keyVault = server.origin;
  const tenantId = state.world.partner.tenantId;
  const oid = state.world.admins[0]?.id ?? crypto.randomUUID();

  const token = (overrides: JWTPayload = {}): Promise<string> => {
    const now = state.clock.nowSeconds();
    return state.keys.sign({ aud: KEY_VAULT_RESOURCE, tid: tenantId, oid, appid: state.world.app.clientId, iat: now, nbf: now, exp: now + 3600, ...overrides });
  };

  return {
    state,
    store,
    endpoints,
    tenantId,
    oid,
    token,
    client: ({ claims, credential, clientOptions } = {}) =>
      new SecretClient(server.origin, credential ?? new RecordingCredential(() => token(claims)), {
        disableChallengeResourceVerification: true,
        retryOptions: { maxRetries: 0 },
        ...clientOptions,
      }),
    fetch: (pathAndQuery, init) => fetch(`${server.origin}${pathAndQuery}`, init),
    close: () => server.close(),
  };
}

/**
 * Registers the vault lifecycle for a test file: one vault for the file, reset before each test. Returns an
 * accessor because the vault exists only once beforeAll has run.
 */
export function useTestVault(): () => TestVault {
  let vault: TestVault | undefined;
  beforeAll(async () => {
    vault = await startTestVault();
  });
  afterAll(async () => {
    await vault?.close();
  });
  beforeEach(() => {
    vault?.state.reset();
    vault?.store.reset();
  });
  return () => vault ?? expect.fail('the test vault has not started');
}
