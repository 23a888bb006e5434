import type { CustomerRow, UserRow } from '../../../shared/partner-center/rows';

/**
 * Partner Center resources to the rows the window shows. The input comes from another service (and names from other
 * tenants), so every field is read defensively and bounded: a missing field is an empty cell, never a crash.
 */
const MAX_CELL = 512;

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_CELL) : '';
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function toCustomerRow(item: unknown): CustomerRow {
  const customer = record(item);
  const company = record(customer.companyProfile);
  const id = text(customer.id);
  return {
    id,
    companyName: text(company.companyName),
    domain: text(company.domain),
    tenantId: text(company.tenantId) || id,
    relationship: text(customer.relationshipToPartner),
  };
}

export function toUserRow(item: unknown): UserRow {
  const user = record(item);
  const deleted = text(user.state).toLowerCase() === 'inactive';
  return {
    id: text(user.id),
    displayName: text(user.displayName),
    userPrincipalName: text(user.userPrincipalName),
    state: deleted ? 'deleted' : 'active',
    usageLocation: text(user.usageLocation),
    deletedAt: deleted && text(user.softDeletionTime) ? text(user.softDeletionTime) : null,
  };
}
