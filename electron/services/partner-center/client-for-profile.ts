import type { Profile } from '../../../shared/profiles/profile';
import { verifyEndpoints } from '../sam/bound-endpoints';
import type { TokenService } from '../sam/token-service';
import type { SecretVault } from '../secrets/secret-vault';
import { createPartnerCenterClient, type PartnerCenterClient, type PartnerCenterClientTiming } from './partner-center-client';

/**
 * A Partner Center client for a profile, its access tokens from the token service (rotation included). The profile is
 * checked against its keychain binding first (bound-endpoints.ts): an access token the token service still holds in
 * memory must not follow a Partner Center address changed behind SAM Desk's back.
 */
export async function partnerCenterClientFor(profile: Profile, services: { readonly tokens: TokenService; readonly vault: SecretVault }, locale: () => string, timing: PartnerCenterClientTiming = {}): Promise<PartnerCenterClient> {
  const { endpoints } = await verifyEndpoints(profile, services.vault);
  return createPartnerCenterClient({
    ...timing,
    baseUrl: endpoints.partnerCenterUrl,
    boundOrigins: [new URL(endpoints.partnerCenterUrl).origin],
    accessToken: async (refresh) => (await services.tokens.acquire(profile.id, { forceRefresh: refresh })).token,
    locale,
  });
}
