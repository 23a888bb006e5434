import type { HandlerTable } from './handler-table';
import { createAppHandlers } from './handlers/app-handlers';
import { createAuditHandlers } from './handlers/audit-handlers';
import { createConsentHandlers } from './handlers/consent-handlers';
import { createCustomersHandlers } from './handlers/customers-handlers';
import type { HandlerDeps } from './handlers/handler-deps';
import { createHealthHandlers } from './handlers/health-handlers';
import { createKeyVaultHandlers } from './handlers/key-vault-handlers';
import { createProfilesHandlers } from './handlers/profiles-handlers';
import { createTokensHandlers } from './handlers/tokens-handlers';
import { createUsersHandlers } from './handlers/users-handlers';

export type { HandlerDeps } from './handlers/handler-deps';

/**
 * The whole table, one handler file per contract namespace. The return type is the contract's full table, so a
 * namespace without its handler file here is a type error.
 */
export function createHandlerTable(deps: HandlerDeps): HandlerTable {
  return {
    ...createAppHandlers(deps),
    ...createTokensHandlers(deps),
    ...createProfilesHandlers(deps),
    ...createConsentHandlers(deps),
    ...createKeyVaultHandlers(deps),
    ...createCustomersHandlers(deps),
    ...createUsersHandlers(deps),
    ...createHealthHandlers(deps),
    ...createAuditHandlers(deps),
  };
}
