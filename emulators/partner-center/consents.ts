import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import type { Customer, World } from '../data/world';
import type { AuditLog } from './audit-log';
import type { Caller } from './auth';
import type { EmulatorClock } from '../core/clock';
import { collection } from './collection';
import { parseConsent, type ApplicationConsent, type ConsentStore } from './consent-store';
import { badRequest, customerNotFound, notFound, partnerError } from './errors';

/**
 * Application consents (CPV): POST /v1/customers/{id}/applicationconsents creates one (201, the consent),
 * DELETE .../applicationconsents/{applicationId} removes it (204), GET lists them. A second POST for the same
 * application answers 409 "Permission entry already exists." (the Graph error Partner Center passes on), which
 * clients such as CIPP treat as success. Each change is written to the audit log.
 */
export interface ConsentContext {
  readonly world: World;
  readonly consents: ConsentStore;
  readonly audit: AuditLog;
  readonly clock: EmulatorClock;
}

export function createConsent(context: ConsentContext) {
  return async (request: EmulatorRequest, caller: Caller): Promise<EmulatorResponse> => {
    const customer = context.world.customerById(request.params.customerId ?? '');
    if (!customer) return customerNotFound(request.params.customerId ?? '');
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return badRequest('The request body is not valid JSON.');
    }
    const consent = parseConsent(body);
    if (typeof consent === 'string') return badRequest(consent);
    // Status 409 and this description are what clients match; the numeric code is unverified.
    if (!context.consents.add(customer.id, consent)) return partnerError(409, 409, 'Permission entry already exists.');
    record(context, customer, caller, consent, 'create_application_consent');
    return { status: 201, body: consent };
  };
}

export function deleteConsent(context: ConsentContext) {
  return (request: EmulatorRequest, caller: Caller): EmulatorResponse => {
    const customer = context.world.customerById(request.params.customerId ?? '');
    if (!customer) return customerNotFound(request.params.customerId ?? '');
    const applicationId = request.params.applicationId ?? '';
    const removed = context.consents.remove(customer.id, applicationId);
    if (!removed) return notFound(`No application consent for application ${applicationId} in customer ${customer.id}.`);
    record(context, customer, caller, removed, 'delete_application_consent');
    return { status: 204 };
  };
}

export function listConsents(context: ConsentContext) {
  return (request: EmulatorRequest): EmulatorResponse => {
    const customer = context.world.customerById(request.params.customerId ?? '');
    if (!customer) return customerNotFound(request.params.customerId ?? '');
    return collection(context.consents.list(customer.id), `/customers/${customer.id}/applicationconsents`, null);
  };
}

/** resourceType "application" is documented; these two operation type names are the emulator's own (unverified). */
function record(context: ConsentContext, customer: Customer, caller: Caller, consent: ApplicationConsent, operationType: string): void {
  const created = operationType.startsWith('create');
  context.audit.add({
    customerId: customer.id,
    customerName: customer.companyProfile.companyName,
    ...(caller.userPrincipalName !== undefined ? { userPrincipalName: caller.userPrincipalName } : {}),
    ...(caller.applicationId !== undefined ? { applicationId: caller.applicationId } : {}),
    resourceType: 'application',
    ...(created ? { resourceNewValue: JSON.stringify(consent) } : { resourceOldValue: JSON.stringify(consent) }),
    operationType,
    customizedData: [
      { key: 'ApplicationId', value: consent.applicationId },
      ...(consent.displayName !== undefined ? [{ key: 'DisplayName', value: consent.displayName }] : []),
      ...consent.applicationGrants.flatMap((grant, index) => [
        { key: `EnterpriseApplicationId-${index}`, value: grant.enterpriseApplicationId },
        { key: `Scope-${index}`, value: grant.scope },
      ]),
    ],
    at: context.clock.now(),
  });
}
