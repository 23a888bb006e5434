import type { LocalCloud } from '../emulators/local-cloud';

/** What every benchmark shares: medians, and a Partner Center access token minted by the local cloud's Entra. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** An App+User token with MFA, valid for two hours (longer than any benchmark run). */
export async function partnerCenterToken(cloud: LocalCloud): Promise<string> {
  const now = cloud.state.clock.nowSeconds();
  return cloud.state.keys.sign({ aud: 'https://api.partnercenter.microsoft.com', tid: cloud.state.world.partner.tenantId, scp: 'user_impersonation', amr: ['pwd', 'mfa'], ver: '1.0', iat: now, nbf: now, exp: now + 7200 });
}
