import { randomUUID } from 'node:crypto';
import type { CloudState, KeyVaultPermission } from '../core/cloud-state';
import type { CloudEndpoints } from '../core/endpoints';
import { json, type EmulatorRequest, type EmulatorResponse, type Route, type RouteHandler } from '../core/http';
import { authenticate, authorize, type Caller } from './auth';
import { deletedSecretBundle, deletedSecretItem, secretBundle, secretItem, versionItem } from './bundles';
import { badParameter, deletedButRecoverable, deletedSecretNotFound, invalidName, secretDisabled, secretNotFound, throttled } from './errors';
import { paginate } from './paging';
import { readSetBody, readUpdateBody } from './request-body';
import { isValidSecretName, type KeyVaultStore } from './store';

/**
 * The Key Vault secrets data plane (the operations SecretClient uses). Every request goes through the same gate,
 * in this order: api-version present (400), bearer token valid for this vault and tenant (401 + challenge),
 * throttling budget (429 + Retry-After), secret name well formed (400), access policy (403); only then the
 * operation runs. Throttling counts authenticated requests only, so SecretClient's deliberate token-less first
 * request does not spend the budget.
 *
 * Access policy, as Microsoft documents each operation's permission: get (a secret, a version, a deleted secret), list
 * (versions, secrets, deleted secrets), set (a new version, and updating a version's attributes), delete, recover,
 * purge.
 */
interface Context {
  readonly request: EmulatorRequest;
  readonly caller: Caller;
  /** The cloud clock, unix seconds. */
  readonly now: number;
  /** This vault's origin, e.g. https://localhost:47302 (ids and nextLinks are built from it). */
  readonly vault: string;
  /** The `:name` path parameter, already validated (empty for collection routes). */
  readonly name: string;
}

type Operation = (context: Context) => Promise<EmulatorResponse> | EmulatorResponse;

export function keyVaultRoutes(state: CloudState, store: KeyVaultStore, endpoints: CloudEndpoints): Route[] {
  const gate =
    (permission: KeyVaultPermission, operation: Operation): RouteHandler =>
    async (request) => {
      const response = await guarded(state, endpoints, request, permission, operation);
      return { ...response, headers: { ...serviceHeaders(request), ...response.headers } };
    };

  const getSecret: Operation = ({ name, request, now, vault }) => {
    const version = request.params.version;
    const found = store.version(name, version, now);
    if (!found) return secretNotFound(name, version);
    if (!found.version.enabled) return secretDisabled();
    return json(200, secretBundle(vault, found.record, found.version, true));
  };

  const updateSecret: Operation = async ({ name, request, now, vault }) => {
    const parsed = await readUpdateBody(request);
    if (!parsed.ok) return parsed.response;
    const version = request.params.version;
    const found = store.update(name, version, parsed.body, now);
    if (!found) return secretNotFound(name, version);
    return json(200, secretBundle(vault, found.record, found.version, false));
  };

  return [
    {
      method: 'GET',
      path: '/secrets',
      handler: gate('list', ({ request, now, vault }) =>
        pagedList(
          store.list(now),
          (record) => record.name.toLowerCase(),
          (record) => secretItem(vault, record),
          request.url,
          vault,
        ),
      ),
    },
    {
      method: 'PUT',
      path: '/secrets/:name',
      handler: gate('set', async ({ name, request, now, vault }) => {
        const parsed = await readSetBody(request);
        if (!parsed.ok) return parsed.response;
        const outcome = store.set(name, parsed.body, now);
        if (!outcome.ok) return deletedButRecoverable(name);
        return json(200, secretBundle(vault, outcome.record, outcome.version, true));
      }),
    },
    // `/secrets/{name}/` (SecretClient's "latest", an empty version segment) matches here: paths allow a trailing slash.
    { method: 'GET', path: '/secrets/:name', handler: gate('get', getSecret) },
    { method: 'PATCH', path: '/secrets/:name', handler: gate('set', updateSecret) },
    {
      method: 'DELETE',
      path: '/secrets/:name',
      handler: gate('delete', ({ name, now, vault }) => {
        const record = store.delete(name, now);
        return record ? json(200, deletedSecretBundle(vault, record)) : secretNotFound(name);
      }),
    },
    // Before /secrets/:name/:version, which would otherwise take "versions" for a version id.
    {
      method: 'GET',
      path: '/secrets/:name/versions',
      handler: gate('list', ({ name, request, now, vault }) => {
        // Listing the versions of an unknown secret is an empty list, not a 404.
        const record = store.secret(name, now);
        // The service lists versions in an order of its own, stable but not by date (Microsoft documents none): here by
        // version id, so a client that takes the listing's order for age is caught in the tests.
        const versions = record ? record.versions.map((version) => ({ record, version })).sort((a, b) => (a.version.id < b.version.id ? -1 : 1)) : [];
        return pagedList(
          versions,
          (entry) => entry.version.id,
          (entry) => versionItem(vault, entry.record, entry.version),
          request.url,
          vault,
        );
      }),
    },
    { method: 'GET', path: '/secrets/:name/:version', handler: gate('get', getSecret) },
    { method: 'PATCH', path: '/secrets/:name/:version', handler: gate('set', updateSecret) },
    {
      method: 'GET',
      path: '/deletedsecrets',
      handler: gate('list', ({ request, now, vault }) =>
        pagedList(
          store.listDeleted(now),
          (record) => record.name.toLowerCase(),
          (record) => deletedSecretItem(vault, record),
          request.url,
          vault,
        ),
      ),
    },
    {
      method: 'GET',
      path: '/deletedsecrets/:name',
      handler: gate('get', ({ name, now, vault }) => {
        const record = store.deleted(name, now);
        return record ? json(200, deletedSecretBundle(vault, record)) : deletedSecretNotFound();
      }),
    },
    {
      method: 'POST',
      path: '/deletedsecrets/:name/recover',
      handler: gate('recover', ({ name, now, vault }) => {
        const record = store.recover(name, now);
        const latest = record?.versions.at(-1);
        return record && latest ? json(200, secretBundle(vault, record, latest, false)) : deletedSecretNotFound();
      }),
    },
    {
      method: 'DELETE',
      path: '/deletedsecrets/:name',
      handler: gate('purge', ({ name, now }) => (store.purge(name, now) ? { status: 204 } : deletedSecretNotFound())),
    },
  ];
}

async function guarded(state: CloudState, endpoints: CloudEndpoints, request: EmulatorRequest, permission: KeyVaultPermission, operation: Operation): Promise<EmulatorResponse> {
  // URLSearchParams decodes SecretClient's `api%2Dversion=` spelling to `api-version`.
  if (!request.url.searchParams.get('api-version')) return badParameter('The api-version query parameter is missing. It is required for all requests.');

  const authentication = await authenticate(request, state, endpoints);
  if (!authentication.ok) return authentication.response;

  const retryAfter = state.throttle('keyvault');
  if (retryAfter !== null) return throttled(retryAfter);

  const name = request.params.name ?? '';
  if (request.params.name !== undefined && !isValidSecretName(name)) return invalidName(name);

  const refusal = authorize(state, authentication.caller, permission, endpoints);
  if (refusal) return refusal;

  return operation({ request, caller: authentication.caller, now: state.clock.nowSeconds(), vault: endpoints.keyVault, name });
}

function pagedList<T>(items: readonly T[], keyOf: (item: T) => string, toJson: (item: T) => unknown, url: URL, vault: string): EmulatorResponse {
  const paged = paginate(items, keyOf, url, vault);
  if (!paged.ok) return paged.response;
  return json(200, { value: paged.page.items.map(toJson), nextLink: paged.page.nextLink });
}

/** Headers the real service puts on every response; the client request id is echoed for correlation. */
function serviceHeaders(request: EmulatorRequest): Record<string, string> {
  const clientRequestId = request.headers['x-ms-client-request-id'];
  return {
    'cache-control': 'no-cache',
    'x-ms-request-id': randomUUID(),
    'x-ms-keyvault-region': 'local',
    ...(typeof clientRequestId === 'string' ? { 'x-ms-client-request-id': clientRequestId } : {}),
  };
}

