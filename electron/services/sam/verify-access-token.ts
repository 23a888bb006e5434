import { inspectToken } from '../../../shared/inspector/inspect';
import type { Inspection } from '../../../shared/inspector/inspection';
import { SamError } from './sam-error';

/**
 * Checks a freshly consented access token the way Partner Center will: issued for Partner Center, carrying the
 * user_impersonation scope, and from a sign-in with MFA. A token without MFA is refused here, with the reason,
 * rather than stored and later rejected by Partner Center with 900421. Uses the same inspector as the UI.
 */
export function verifyPartnerCenterToken(accessToken: string, now: Date): Inspection {
  const inspection = inspectToken(accessToken, now);
  const status = (id: string): string | undefined => inspection.checks.find((check) => check.id === id)?.status;
  if (inspection.kind !== 'jwt') throw new SamError('identity-service-error', { reason: 'unreadable-token' });
  if (status('audience-partner-center') !== 'pass') throw new SamError('token-wrong-audience', { audience: inspection.summary.audience ?? '—' });
  if (status('scope-user-impersonation') !== 'pass') throw new SamError('token-missing-scope', { scopes: inspection.summary.scopes.join(' ') || '—' });
  if (status('mfa') !== 'pass') throw new SamError('token-without-mfa', { user: inspection.summary.user ?? '—' });
  return inspection;
}
