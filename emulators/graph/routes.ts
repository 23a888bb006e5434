import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CloudState } from '../core/cloud-state';
import type { CloudEndpoints } from '../core/endpoints';
import { json, type EmulatorRequest, type EmulatorResponse, type Route } from '../core/http';
import type { AppRegistration } from '../data/world';
import type { EntraState } from '../entra/entra-state';
import { applicationResource, selectProperties } from './applications';
import { authorizeGraph, canReadApplication, type GraphCaller } from './auth';
import { insufficientPrivileges, resourceNotFound, unknownProperty, unknownSegment, unsupportedQuery } from './errors';

/**
 * The slice of Microsoft Graph (https://graph.microsoft.com/v1.0) SAM Desk reads: the partner tenant's application
 * registrations, by alternate key `applications(appId='…')`, by object id `applications/{id}`, or listed with
 * `$filter=appId eq '…'`, each with `$select`. Every call runs behind authorizeGraph (token, tenant, throttle); reading
 * an application needs Application.Read.All (or a role that includes it) in an app-only token's `roles`.
 */
const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const BY_APP_ID = /^applications\(appId='([^']*)'\)$/i;
const FILTER_BY_APP_ID = /^\s*appId\s+eq\s+'([^']*)'\s*$/i;

/** Every Graph response carries a request id, and echoes the caller's client-request-id. */
export function graphHeaders(req: IncomingMessage): Record<string, string> {
  const clientRequestId = req.headers['client-request-id'];
  const requestId = randomUUID();
  return { 'request-id': requestId, 'client-request-id': typeof clientRequestId === 'string' && clientRequestId.trim() !== '' ? clientRequestId.trim() : requestId };
}

export function graphRoutes(state: CloudState, entra: EntraState, endpoints: CloudEndpoints): Route[] {
  const context = (select: string | null, entity: boolean): string => {
    const properties = select === null ? '' : `(${select.split(',').map((name) => name.trim()).filter((name) => name !== '').join(',')})`;
    return `${endpoints.graph}/v1.0/$metadata#applications${properties}${entity ? '/$entity' : ''}`;
  };

  const guarded =
    (handler: (request: EmulatorRequest, caller: GraphCaller) => EmulatorResponse) =>
    async (request: EmulatorRequest): Promise<EmulatorResponse> => {
      const access = await authorizeGraph(state, request);
      return access.ok ? handler(request, access.caller) : access.response;
    };

  const one = (request: EmulatorRequest, caller: GraphCaller, app: AppRegistration | undefined, key: string): EmulatorResponse => {
    // Graph checks the permission before it looks the object up: without it, a missing app is a 403 too.
    if (!canReadApplication(caller, app?.clientId ?? '')) return insufficientPrivileges();
    if (!app) return resourceNotFound(key);
    const select = request.url.searchParams.get('$select');
    const selected = selectProperties(applicationResource(state, entra, app), select);
    if (!selected.ok) return unknownProperty(selected.unknown);
    return json(200, { '@odata.context': context(select, true), ...selected.value }, { 'content-type': JSON_TYPE });
  };

  const byObjectId = (id: string): AppRegistration | undefined => state.world.apps.find((app) => applicationResource(state, entra, app).id === id.toLowerCase());

  return [
    {
      method: 'GET',
      path: '/v1.0/:segment',
      handler: guarded((request, caller) => {
        const segment = request.params.segment ?? '';
        const byAppId = BY_APP_ID.exec(segment);
        if (byAppId) return one(request, caller, state.world.appById(byAppId[1] ?? ''), byAppId[1] ?? '');
        if (segment.toLowerCase() !== 'applications') return unknownSegment(segment);
        const filter = request.url.searchParams.get('$filter');
        const filtered = filter === null ? null : FILTER_BY_APP_ID.exec(filter);
        if (filter !== null && !filtered) return unsupportedQuery();
        const candidates = filtered ? state.world.apps.filter((app) => app.clientId === (filtered[1] ?? '').trim().toLowerCase()) : state.world.apps;
        // No permission to read applications at all: refused. Application.ReadWrite.OwnedBy lists only the caller's own.
        const readsAll = canReadApplication(caller, '');
        if (!readsAll && !(caller.appOnly && caller.roles.includes('Application.ReadWrite.OwnedBy'))) return insufficientPrivileges();
        const readable = candidates.filter((app) => canReadApplication(caller, app.clientId));
        const select = request.url.searchParams.get('$select');
        const value: Record<string, unknown>[] = [];
        for (const app of readable) {
          const selected = selectProperties(applicationResource(state, entra, app), select);
          if (!selected.ok) return unknownProperty(selected.unknown);
          value.push(selected.value);
        }
        return json(200, { '@odata.context': context(select, false), value }, { 'content-type': JSON_TYPE });
      }),
    },
    {
      method: 'GET',
      path: '/v1.0/applications/:id',
      handler: guarded((request, caller) => one(request, caller, byObjectId(request.params.id ?? ''), request.params.id ?? '')),
    },
  ];
}
