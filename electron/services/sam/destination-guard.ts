import type { ClientSecretCredentialOptions } from '@azure/identity';
import { isOnOrigins } from '../../../shared/profiles/endpoint-binding';
import { SamError } from './sam-error';

/** The services a secret or token goes to, each guarded by its own client right before every request. */
export type GuardedService = 'entra' | 'partner-center' | 'graph' | 'key-vault';

/** The host a refused request was for (an address is not a secret; it tells the admin where it was going). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.slice(0, 253);
  } catch {
    return '';
  }
}

/**
 * Throws before a request leaves for anywhere but the verified origins (bound-endpoints.ts): an absolute next link, a
 * redirect, or an address in a token service's metadata cannot carry a secret or token elsewhere.
 */
export function assertDestination(url: string, origins: readonly string[], service: GuardedService): void {
  if (!isOnOrigins(url, origins)) throw new SamError('destination-refused', { service, host: hostOf(url) });
}

type AdditionalPolicy = NonNullable<ClientSecretCredentialOptions['additionalPolicies']>[number];

/**
 * The same check for an Azure SDK client (Key Vault, and @azure/identity's own sign-in for it): a pipeline policy after
 * the signing and redirect policies, so it sees every attempt and every redirect hop as it goes on the wire.
 */
export function destinationPolicy(origins: readonly string[], service: GuardedService): AdditionalPolicy {
  return {
    position: 'perRetry',
    policy: {
      name: `samDeskDestination-${service}`,
      sendRequest: async (request, next) => {
        assertDestination(request.url, origins, service);
        return next(request);
      },
    },
  };
}
