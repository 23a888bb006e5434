import { describe, expect, it } from 'vitest';
import { runChecks } from './checks';
import { NOW, partnerCenterClaims } from './testing/make-jwt';

const header = { alg: 'RS256', kid: 'k1' };
const nowSeconds = NOW.getTime() / 1000;
const outcome = (id: string, claims: Record<string, unknown>, head: Record<string, unknown> = header): string => {
  const found = runChecks(head, claims, NOW).find((check) => check.id === id);
  return `${found?.status ?? 'absent'} ${found?.messageKey.split('.').at(-1) ?? ''}`;
};

describe('checks on a JWT', () => {
  it('runs every check, in a fixed order, and passes a healthy Partner Center token', () => {
    const checks = runChecks(header, partnerCenterClaims(), NOW);
    expect(checks.map((check) => `${check.id}:${check.status}`)).toEqual([
      'expired:pass',
      'not-yet-valid:pass',
      'mfa:pass',
      'audience-partner-center:pass',
      'scope-user-impersonation:pass',
      'token-version:info',
      'signature:info',
      'hidden-characters:pass',
    ]);
  });

  it('expiry: fails at and after exp, warns without exp', () => {
    expect(outcome('expired', partnerCenterClaims({ exp: nowSeconds }))).toBe('fail fail');
    expect(outcome('expired', partnerCenterClaims({ exp: nowSeconds + 1 }))).toBe('pass pass');
    expect(outcome('expired', partnerCenterClaims({ exp: undefined }))).toBe('warn missing');
    expect(outcome('expired', partnerCenterClaims({ exp: 'tomorrow' }))).toBe('warn missing');
  });

  it('not yet valid: tolerates five minutes of clock difference with a warning', () => {
    expect(outcome('not-yet-valid', partnerCenterClaims({ nbf: nowSeconds + 60 }))).toBe('warn skew');
    expect(outcome('not-yet-valid', partnerCenterClaims({ nbf: nowSeconds + 301 }))).toBe('fail fail');
    expect(outcome('not-yet-valid', partnerCenterClaims({ nbf: undefined }))).toBe('info missing');
  });

  it('MFA: fails without mfa in amr, warns without amr, does not apply to app-only tokens', () => {
    expect(outcome('mfa', partnerCenterClaims({ amr: ['pwd'] }))).toBe('fail fail');
    expect(outcome('mfa', partnerCenterClaims({ amr: undefined }))).toBe('warn missing');
    expect(outcome('mfa', { aud: 'https://api.partnercenter.microsoft.com', idtyp: 'app', roles: ['x'] })).toBe('info app-only');
    expect(outcome('mfa', { aud: 'https://api.partnercenter.microsoft.com', roles: ['x'], appid: 'a' })).toBe('info app-only');
  });

  it('audience: accepts the Partner Center URL (with or without slash) and its application id', () => {
    expect(outcome('audience-partner-center', partnerCenterClaims({ aud: 'https://api.partnercenter.microsoft.com/' }))).toBe('pass pass');
    expect(outcome('audience-partner-center', partnerCenterClaims({ aud: 'FA3D9A0C-3FB0-42CC-9193-47C7ECD2EDBD' }))).toBe('pass pass');
    expect(outcome('audience-partner-center', partnerCenterClaims({ aud: ['x', 'https://api.partnercenter.microsoft.com'] }))).toBe('pass pass');
    expect(outcome('audience-partner-center', partnerCenterClaims({ aud: 'https://graph.microsoft.com' }))).toBe('warn other');
    expect(outcome('audience-partner-center', partnerCenterClaims({ aud: undefined }))).toBe('warn missing');
  });

  it('scope: wants user_impersonation among delegated scopes', () => {
    expect(outcome('scope-user-impersonation', partnerCenterClaims({ scp: 'openid profile user_impersonation' }))).toBe('pass pass');
    expect(outcome('scope-user-impersonation', partnerCenterClaims({ scp: 'User.Read' }))).toBe('warn other');
    expect(outcome('scope-user-impersonation', partnerCenterClaims({ scp: undefined }))).toBe('warn missing');
    expect(outcome('scope-user-impersonation', { idtyp: 'app', roles: ['x'] })).toBe('info app-only');
  });

  it('version and signature', () => {
    expect(outcome('token-version', partnerCenterClaims({ ver: '2.0' }))).toBe('info v2');
    expect(outcome('token-version', partnerCenterClaims({ ver: '3' }))).toBe('warn unknown');
    expect(outcome('token-version', partnerCenterClaims({ ver: undefined }))).toBe('warn missing');
    expect(outcome('signature', partnerCenterClaims(), { alg: 'none' })).toBe('fail none');
    expect(outcome('signature', partnerCenterClaims(), {})).toBe('fail no-alg');
  });

  it('hidden characters: fails on a spoofed audience or UPN, warns on a display name, shows them as escapes', () => {
    const spoofed = runChecks(header, partnerCenterClaims({ aud: 'https://api.partnercenter.microsoft.com\u202e/moc.live', upn: 'asa.oberg\u200b@contoso-partner.onmicrosoft.com' }), NOW);
    const hidden = spoofed.find((found) => found.id === 'hidden-characters');
    expect(hidden).toMatchObject({ status: 'fail', messageKey: 'inspector.checks.hidden-characters.fail', params: { claims: 'aud, upn' } });
    // The audience check's message names the audience with the override visible, never raw.
    expect(spoofed.find((found) => found.id === 'audience-partner-center')).toMatchObject({ status: 'warn', params: { audience: 'https://api.partnercenter.microsoft.com\\u202e/moc.live' } });
    expect(outcome('hidden-characters', partnerCenterClaims({ name: 'Åsa\u200f Öberg' }))).toBe('warn warn');
    expect(outcome('hidden-characters', partnerCenterClaims({ roles: ['Admin', { nested: ['x\u2066'] }] }))).toBe('fail fail');
    expect(outcome('hidden-characters', partnerCenterClaims(), { alg: 'RS256', kid: 'k\u0000' })).toBe('fail fail');
    expect(runChecks(header, { 'up\u202en': 'x' }, NOW).find((found) => found.id === 'hidden-characters')?.params).toEqual({ claims: 'up\\u202en' });
  });
});
