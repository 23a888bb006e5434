import type { JWTPayload } from 'jose';
import { CloudState } from '../core/cloud-state';
import { PARTNER_CENTER_RESOURCE } from '../core/endpoints';
import { startService, type ServiceServer } from '../core/http';
import { ensureTlsMaterial } from '../core/tls-certificate';
import type { WorldOptions } from '../data/world';
import { TLS_DIRECTORY } from '../testing/global-setup';
import { partnerCenterHeaders, partnerCenterRoutes } from './routes';

/**
 * For the Partner Center tests: the real routes on a real HTTPS server (port 0) over a fresh CloudState, tokens
 * signed with the cloud's key and shaped like Entra's v1 access tokens, and a fetch wrapper for /v1 paths.
 */
export interface PartnerCenterHarness {
  readonly state: CloudState;
  readonly origin: string;
  /** An App+User token as Entra issues it for user_impersonation after an MFA sign-in; claims can be overridden. */
  userToken(overrides?: JWTPayload): Promise<string>;
  /** An App-only (client credentials) token. */
  appToken(overrides?: JWTPayload): Promise<string>;
  call(path: string, options?: CallOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface CallOptions {
  readonly method?: string;
  /** Defaults to a fresh user token; null sends no Authorization header. */
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export async function startPartnerCenter(world: Partial<WorldOptions> = {}): Promise<PartnerCenterHarness> {
  const state = await CloudState.create({ seed: 4242, customers: 50, maxUsersPerCustomer: 40, ...world });
  const tls = await ensureTlsMaterial(TLS_DIRECTORY);
  const endpoints = { entra: '', keyVault: '', partnerCenter: '', graph: '', control: '' };
  const server: ServiceServer = await startService({
    name: 'partnercenter',
    port: 0,
    tls,
    faults: state.faults,
    routes: partnerCenterRoutes(state, endpoints),
    decorate: partnerCenterHeaders,
  });
  endpoints.partnerCenter = server.origin;
  const tenantId = state.world.partner.tenantId;
  const times = (): JWTPayload => {
    const now = state.clock.nowSeconds();
    return { iat: now, nbf: now, exp: now + 3600 };
  };
  const admin = state.world.admins[0];
  if (!admin) throw new Error('the world has no admin');

  const userToken = (overrides: JWTPayload = {}): Promise<string> =>
    state.keys.sign({
      aud: PARTNER_CENTER_RESOURCE,
      iss: `https://sts.windows.net/${tenantId}/`,
      ...times(),
      amr: ['pwd', 'mfa'],
      appid: state.world.app.clientId,
      appidacr: '1',
      idtyp: 'user',
      name: admin.displayName,
      oid: admin.id,
      scp: 'user_impersonation',
      tid: tenantId,
      unique_name: admin.userPrincipalName,
      upn: admin.userPrincipalName,
      ver: '1.0',
      ...overrides,
    });
  const appToken = (overrides: JWTPayload = {}): Promise<string> =>
    state.keys.sign({
      aud: PARTNER_CENTER_RESOURCE,
      iss: `https://sts.windows.net/${tenantId}/`,
      ...times(),
      appid: state.world.app.clientId,
      appidacr: '1',
      idtyp: 'app',
      oid: '7d0f5a1e-0000-4000-8000-00000000a991',
      roles: [],
      sub: '7d0f5a1e-0000-4000-8000-00000000a991',
      tid: tenantId,
      ver: '1.0',
      ...overrides,
    });

  return {
    state,
    origin: server.origin,
    userToken,
    appToken,
    call: async (path, options = {}) => {
      const token = options.token === undefined ? await userToken() : options.token;
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(`${server.origin}/v1${path}`, {
        method: options.method ?? 'GET',
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
    },
    close: () => server.close(),
  };
}

/** The body of a Partner Center collection, as the tests read it. */
export interface CollectionBody<T> {
  totalCount: number;
  items: T[];
  links: { self: LinkBody; next?: LinkBody };
  attributes: { objectType: string };
}

export interface LinkBody {
  uri: string;
  method: string;
  headers: { key: string; value: string }[];
}

export interface ErrorBody {
  code: number;
  description: string;
  data: unknown[];
  source: string;
}

/** Follows links.next (relative to /v1) with the headers it lists until there is none; returns every page. */
export async function followPages<T>(harness: PartnerCenterHarness, firstPath: string, token?: string): Promise<CollectionBody<T>[]> {
  const pages: CollectionBody<T>[] = [];
  let path: string | undefined = firstPath;
  let headers: Record<string, string> = {};
  while (path !== undefined) {
    const response = await harness.call(path, { headers, ...(token !== undefined ? { token } : {}) });
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    const page = (await response.json()) as CollectionBody<T>;
    pages.push(page);
    path = page.links.next?.uri;
    headers = Object.fromEntries((page.links.next?.headers ?? []).map((header) => [header.key, header.value]));
  }
  return pages;
}
