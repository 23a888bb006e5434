import { endpointsFor } from '../../../shared/profiles/clouds';
import type { Profile } from '../../../shared/profiles/profile';
import type { TokenService } from '../sam/token-service';
import { createPartnerCenterClient, type PartnerCenterClient, type PartnerCenterClientTiming } from './partner-center-client';

/** A Partner Center client for a profile, its access tokens from the token service (rotation included). */
export function partnerCenterClientFor(profile: Profile, tokens: TokenService, locale: () => string, timing: PartnerCenterClientTiming = {}): PartnerCenterClient {
  return createPartnerCenterClient({
    ...timing,
    baseUrl: endpointsFor(profile.cloud).partnerCenterUrl,
    accessToken: async (refresh) => (await tokens.acquire(profile.id, { forceRefresh: refresh })).token,
    locale,
  });
}
