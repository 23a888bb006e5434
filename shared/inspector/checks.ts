import { PARTNER_CENTER_APP_ID, PARTNER_CENTER_AUDIENCE } from './claim-catalogue';
import { listClaim, stringClaim, timeClaimMs } from './claim-values';
import { check } from './check-result';
import { hiddenCharactersCheck } from './hidden-characters-check';
import type { InspectionCheck } from './inspection';
import { isAppOnly } from './summary';

/** Entra and Partner Center tolerate this much clock difference between machines. */
export const CLOCK_SKEW_SECONDS = 300;

/** The checks a partner admin needs on a JWT before trusting it with Partner Center, in a fixed order. */
export function runChecks(header: Record<string, unknown>, claims: Record<string, unknown>, now: Date): InspectionCheck[] {
  return [
    expiredCheck(claims, now),
    notYetValidCheck(claims, now),
    mfaCheck(claims),
    audienceCheck(claims),
    scopeCheck(claims),
    versionCheck(claims),
    signatureCheck(header),
    hiddenCharactersCheck(header, claims),
  ];
}

function expiredCheck(claims: Record<string, unknown>, now: Date): InspectionCheck {
  const expires = timeClaimMs(claims, 'exp');
  if (expires === null) return check('expired', 'warn', 'missing');
  const expiresAt = new Date(expires).toISOString();
  return expires <= now.getTime() ? check('expired', 'fail', 'fail', { expiresAt }) : check('expired', 'pass', 'pass', { expiresAt });
}

function notYetValidCheck(claims: Record<string, unknown>, now: Date): InspectionCheck {
  const notBefore = timeClaimMs(claims, 'nbf');
  if (notBefore === null) return check('not-yet-valid', 'info', 'missing');
  const notBeforeIso = new Date(notBefore).toISOString();
  const early = (notBefore - now.getTime()) / 1000;
  if (early > CLOCK_SKEW_SECONDS) return check('not-yet-valid', 'fail', 'fail', { notBefore: notBeforeIso });
  if (early > 0) return check('not-yet-valid', 'warn', 'skew', { notBefore: notBeforeIso, seconds: Math.ceil(early) });
  return check('not-yet-valid', 'pass', 'pass', { notBefore: notBeforeIso });
}

function mfaCheck(claims: Record<string, unknown>): InspectionCheck {
  if (isAppOnly(claims)) return check('mfa', 'info', 'app-only');
  const amr = listClaim(claims, 'amr');
  if (amr === null) return check('mfa', 'warn', 'missing');
  const methods = amr.join(', ') || '—';
  return amr.includes('mfa') ? check('mfa', 'pass', 'pass', { methods }) : check('mfa', 'fail', 'fail', { methods });
}

function isPartnerCenter(audience: string): boolean {
  const normalized = audience.toLowerCase().replace(/\/+$/, '');
  return normalized === PARTNER_CENTER_AUDIENCE || normalized === PARTNER_CENTER_APP_ID;
}

function audienceCheck(claims: Record<string, unknown>): InspectionCheck {
  const audiences = listClaim(claims, 'aud');
  if (audiences === null || audiences.length === 0) return check('audience-partner-center', 'warn', 'missing');
  if (audiences.some(isPartnerCenter)) return check('audience-partner-center', 'pass', 'pass', { audience: audiences.join(', ') });
  return check('audience-partner-center', 'warn', 'other', { audience: audiences.join(', ') });
}

function scopeCheck(claims: Record<string, unknown>): InspectionCheck {
  const scopes = listClaim(claims, 'scp');
  if (scopes === null) {
    return isAppOnly(claims) ? check('scope-user-impersonation', 'info', 'app-only') : check('scope-user-impersonation', 'warn', 'missing');
  }
  const list = scopes.join(', ') || '—';
  return scopes.includes('user_impersonation')
    ? check('scope-user-impersonation', 'pass', 'pass', { scopes: list })
    : check('scope-user-impersonation', 'warn', 'other', { scopes: list });
}

function versionCheck(claims: Record<string, unknown>): InspectionCheck {
  const version = stringClaim(claims, 'ver');
  if (version === null) return check('token-version', 'warn', 'missing');
  if (version === '1.0' || version === '2.0') return check('token-version', 'info', `v${version.charAt(0)}`, { version });
  return check('token-version', 'warn', 'unknown', { version });
}

function signatureCheck(header: Record<string, unknown>): InspectionCheck {
  const alg = typeof header.alg === 'string' ? header.alg : null;
  if (alg === null) return check('signature', 'fail', 'no-alg');
  if (alg.toLowerCase() === 'none') return check('signature', 'fail', 'none');
  const kid = typeof header.kid === 'string' ? header.kid : '—';
  return check('signature', 'info', 'unverified', { alg, kid });
}
