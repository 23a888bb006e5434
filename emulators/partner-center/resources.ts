import type { Customer, CustomerUser } from '../data/world';
import { link } from './collection';

/**
 * The world's customers and users as Partner Center serializes them. A listed customer is the short form; the
 * customer fetched by id adds billingProfile and allowDelegatedAccess (the DAP flag only appears there).
 */
export function customerResource(customer: Customer, detailed: boolean): Record<string, unknown> {
  const { id, companyProfile, billingProfile } = customer;
  return {
    id,
    commerceId: customer.commerceId,
    companyProfile: {
      tenantId: companyProfile.tenantId,
      domain: companyProfile.domain,
      companyName: companyProfile.companyName,
      links: { self: link(`/customers/${id}/profiles/company`) },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    ...(detailed
      ? {
          billingProfile: {
            ...billingProfile,
            links: { self: link(`/customers/${id}/profiles/billing`) },
            attributes: { objectType: 'CustomerBillingProfile' },
          },
        }
      : {}),
    relationshipToPartner: customer.relationshipToPartner,
    ...(detailed ? { allowDelegatedAccess: customer.allowDelegatedAccess } : {}),
    links: { self: link(`/customers/${id}`) },
    attributes: { objectType: 'Customer' },
  };
}

/** softDeletionTime only on deleted (inactive) users, lastDirectorySyncTime only on synced ones, as the API omits them. */
export function userResource(customerId: string, user: CustomerUser): Record<string, unknown> {
  return {
    usageLocation: user.usageLocation,
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    userDomainType: user.userDomainType,
    state: user.state,
    ...(user.softDeletionTime !== undefined ? { softDeletionTime: user.softDeletionTime } : {}),
    ...(user.lastDirectorySyncTime !== undefined ? { lastDirectorySyncTime: user.lastDirectorySyncTime } : {}),
    links: { self: link(`/customers/${customerId}/users/${user.id}`) },
    attributes: { objectType: 'CustomerUser' },
  };
}
