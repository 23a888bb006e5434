import { bindingFields, bindingOf, unboundFields, type EndpointBinding } from '../../../shared/profiles/endpoint-binding';
import type { Profile } from '../../../shared/profiles/profile';
import { endpointBindings, type StoredBinding } from '../secrets/endpoint-bindings';
import type { SecretVault } from '../secrets/secret-vault';
import { SamError } from './sam-error';

/**
 * The check main makes right before it uses a profile's secret or refresh token (a redemption, a consent, a health
 * check, a Key Vault retry, a Partner Center client): the profile as it is now must lie within the endpoints its
 * keychain binding names (shared/profiles/endpoint-binding.ts). A profile file changed behind SAM Desk's back is
 * refused here, before anything is sent; an edit through SAM Desk had to enter the secret again (profile-service.ts).
 */
export interface VerifiedEndpoints {
  /** The profile's endpoints, found within its binding: the only places this use may send to. */
  readonly endpoints: EndpointBinding;
  /** The refresh tokens were consented for these endpoints; when false they are not used until a new consent. */
  readonly tokensBound: boolean;
}

const within = (bound: StoredBinding, endpoints: EndpointBinding): boolean => bound !== null && bound !== 'unreadable' && unboundFields(bound, endpoints).length === 0;

export async function verifyEndpoints(profile: Profile, vault: SecretVault): Promise<VerifiedEndpoints> {
  const bindings = endpointBindings(vault);
  const endpoints = bindingOf(profile);
  const bound = await bindings.credential(profile);
  const unbound = bound === 'unreadable' ? [...bindingFields] : unboundFields(bound, endpoints);
  // The field names are safe to carry (no values): the audit log and a support person can see what moved.
  if (unbound.length > 0) throw new SamError('secret-not-bound', { fields: unbound.join(',') });
  return { endpoints, tokensBound: within(await bindings.tokens(profile.id), endpoints) };
}

/** Refuses before a stored refresh token is read for use: it must have been consented for the profile's endpoints. */
export async function requireBoundTokens(profile: Profile, vault: SecretVault): Promise<void> {
  if (!within(await endpointBindings(vault).tokens(profile.id), bindingOf(profile))) throw new SamError('no-refresh-token', { reason: 'endpoints-changed' });
}

/** After a consent saved its refresh token: that token belongs to the endpoints the consent ran against. */
export function bindConsentedTokens(profile: Profile, vault: SecretVault): Promise<void> {
  return endpointBindings(vault).bindTokens(profile.id, bindingOf(profile));
}
