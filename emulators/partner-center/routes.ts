import type { CloudState } from '../core/cloud-state';
import type { CloudEndpoints } from '../core/endpoints';
import type { EmulatorRequest, EmulatorResponse, Route } from '../core/http';
import { AuditLog, seedAuditLog } from './audit-log';
import { listAuditRecords } from './audit-records';
import { authorize, type PartnerHandler } from './auth';
import { ConsentStore } from './consent-store';
import { createConsent, deleteConsent, listConsents } from './consents';
import { ContinuationTokens } from './continuation';
import { getCustomer, listCustomers } from './customers';
import { inDocumentedShape } from './response-shapes';
import { listUsers } from './users';

export { partnerCenterHeaders } from './headers';

/**
 * The Partner Center REST API (https://api.partnercenter.microsoft.com/v1) over the seeded world: customers,
 * their users, application consents and the audit log. Consents, the audit log and continuation tokens belong to
 * this emulator, one set per call (per local cloud). Every route runs behind `authorize` (token, MFA, throttle), and
 * every answer leaves in the response shape the cloud's settings pick (error code type, link prefix, paging).
 */
// Partner Center's answers name no other service, so it needs no endpoints; the parameter keeps the emulators' common shape.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function partnerCenterRoutes(state: CloudState, _endpoints: CloudEndpoints): Route[] {
  const tokens = new ContinuationTokens();
  const consents = new ConsentStore();
  const audit = new AuditLog(state.world.partner.tenantId);
  seedAuditLog(audit, state.world, state.clock.now());
  const context = { world: state.world, consents, audit, clock: state.clock };

  const guarded =
    (handler: PartnerHandler) =>
    async (request: EmulatorRequest): Promise<EmulatorResponse> => {
      const access = await authorize(state, request);
      return inDocumentedShape(access.ok ? await handler(request, access.caller) : access.response, state.settings);
    };
  const paging = () => state.settings.partnerCenterPaging;

  return [
    { method: 'GET', path: '/v1/customers', handler: guarded(listCustomers(state.world, tokens, paging)) },
    { method: 'GET', path: '/v1/customers/:customerId', handler: guarded(getCustomer(state.world)) },
    { method: 'GET', path: '/v1/customers/:customerId/users', handler: guarded(listUsers(state.world, tokens, paging)) },
    { method: 'GET', path: '/v1/customers/:customerId/applicationconsents', handler: guarded(listConsents(context)) },
    { method: 'POST', path: '/v1/customers/:customerId/applicationconsents', handler: guarded(createConsent(context)) },
    { method: 'DELETE', path: '/v1/customers/:customerId/applicationconsents/:applicationId', handler: guarded(deleteConsent(context)) },
    { method: 'GET', path: '/v1/auditrecords', handler: guarded(listAuditRecords(audit, state.clock, tokens, paging)) },
  ];
}
