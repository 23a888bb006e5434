import { listClaim, stringClaim } from './claim-values';
import type { InspectionSummary } from './inspection';

const emptySummary: InspectionSummary = { audience: null, tenantId: null, user: null, appId: null, scopes: [], roles: [], mfa: null, version: null };

/**
 * The facts an admin looks for first. An app-only token (client credentials) has no user and no MFA claim, so
 * `mfa` is null there rather than false: MFA does not apply to it.
 */
export function summarize(claims: Record<string, unknown> | null): InspectionSummary {
  if (claims === null) return emptySummary;
  const amr = listClaim(claims, 'amr');
  return {
    audience: listClaim(claims, 'aud')?.[0] ?? null,
    tenantId: stringClaim(claims, 'tid'),
    user: stringClaim(claims, 'upn') ?? stringClaim(claims, 'unique_name') ?? stringClaim(claims, 'preferred_username') ?? stringClaim(claims, 'email'),
    appId: stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp'),
    scopes: listClaim(claims, 'scp') ?? [],
    roles: listClaim(claims, 'roles') ?? [],
    mfa: isAppOnly(claims) || amr === null ? null : amr.includes('mfa'),
    version: stringClaim(claims, 'ver'),
  };
}

/** A token an application got for itself: Entra marks v2 ones with idtyp=app; v1 ones have roles but no scp or user. */
export function isAppOnly(claims: Record<string, unknown>): boolean {
  if (stringClaim(claims, 'idtyp') === 'app') return true;
  const hasUser = ['upn', 'unique_name', 'preferred_username', 'scp', 'amr'].some((name) => claims[name] !== undefined);
  return !hasUser && claims.roles !== undefined;
}
