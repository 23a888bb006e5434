import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectToken, MAX_INSPECTABLE_LENGTH } from './inspect';
import { inspectionSchema } from './inspection';
import { base64UrlEncode, ENTRA_REFRESH_TOKEN, makeJwt, NOW, partnerCenterToken } from './testing/make-jwt';

describe('inspecting a pasted token', () => {
  it('summarizes a Partner Center access token', () => {
    const result = inspectToken(`Bearer ${partnerCenterToken()}`, NOW);
    expect(result).toMatchObject({
      kind: 'jwt',
      source: 'bearer',
      problem: null,
      times: { issuedAt: '2026-11-24T11:55:00.000Z', notBefore: '2026-11-24T11:55:00.000Z', expiresAt: '2026-11-24T13:00:00.000Z', expired: false, secondsLeft: 3600 },
      summary: {
        audience: 'https://api.partnercenter.microsoft.com',
        tenantId: '6f2b3c1a-0d4e-4f5a-9b8c-7d6e5f4a3b2c',
        user: 'asa.oberg@contoso-partner.onmicrosoft.com',
        appId: '3c1f2e4d-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        scopes: ['user_impersonation'],
        roles: [],
        mfa: true,
        version: '1.0',
      },
      signature: { alg: 'RS256', kid: 'test-key-1', verified: false },
    });
    expect(result.claims?.name).toBe('Åsa Öberg');
    expect(inspectionSchema.parse(result)).toEqual(result);
  });

  it('flags a token whose audience and UPN hide a direction override and a zero-width space', () => {
    const spoofed = makeJwt({ aud: 'https://api.partnercenter.microsoft.com\u202e', upn: 'admin\u200b@contoso-partner.onmicrosoft.com', amr: ['pwd', 'mfa'], scp: 'user_impersonation', ver: '1.0' });
    const result = inspectToken(spoofed, NOW);
    // The data stays exactly what the token says; the check fails and names the claims, its text shows no raw character.
    expect(result.summary).toMatchObject({ audience: 'https://api.partnercenter.microsoft.com\u202e', user: 'admin\u200b@contoso-partner.onmicrosoft.com' });
    expect(result.checks.find((check) => check.id === 'hidden-characters')).toMatchObject({ status: 'fail', params: { claims: 'aud, upn' } });
    expect(result.checks.find((check) => check.id === 'audience-partner-center')).toMatchObject({ status: 'warn', params: { audience: 'https://api.partnercenter.microsoft.com\\u202e' } });
    expect(JSON.stringify(result.checks)).not.toMatch(/[\u200b\u202e]/);
  });

  it('falls back through the user claims v1 and v2 tokens use', () => {
    const v2 = makeJwt({ preferred_username: 'ops@fabrikam.example', azp: 'app-2', ver: '2.0', amr: ['pwd'] });
    expect(inspectToken(v2, NOW).summary).toMatchObject({ user: 'ops@fabrikam.example', appId: 'app-2', mfa: false });
  });

  it('reports an expired token with negative seconds left', () => {
    const result = inspectToken(partnerCenterToken({ exp: NOW.getTime() / 1000 - 3 * 86_400 }), NOW);
    expect(result.times).toMatchObject({ expired: true, secondsLeft: -3 * 86_400 });
  });

  it('runs no checks on tokens it cannot read', () => {
    expect(inspectToken(ENTRA_REFRESH_TOKEN, NOW)).toMatchObject({ kind: 'opaque', checks: [], claims: null, length: ENTRA_REFRESH_TOKEN.length });
    expect(inspectToken('not a token at all', NOW)).toMatchObject({ kind: 'invalid', checks: [] });
    expect(inspectToken('x'.repeat(MAX_INSPECTABLE_LENGTH + 1), NOW)).toMatchObject({ kind: 'invalid', problem: { messageKey: 'inspector.problems.too-long' } });
  });

  it('never puts an opaque token into its result', () => {
    expect(JSON.stringify(inspectToken(`Bearer ${ENTRA_REFRESH_TOKEN}`, NOW))).not.toContain(ENTRA_REFRESH_TOKEN.slice(0, 24));
  });

  it('ignores out-of-range times instead of failing', () => {
    const result = inspectToken(makeJwt({ exp: 1e300, iat: -1e20, nbf: Number.MAX_SAFE_INTEGER }), NOW);
    expect(result.times).toMatchObject({ expiresAt: null, issuedAt: null, notBefore: null, expired: null });
  });
});

/** Strings that look like tokens, so the property tests reach deep into the decoder and not only its first check. */
const segment = fc.oneof(fc.string(), fc.base64String(), fc.string({ unit: 'grapheme' }).map(base64UrlEncode), fc.jsonValue().map((value) => base64UrlEncode(JSON.stringify(value))));
const tokenish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')),
  fc.tuple(fc.constantFrom('', 'Bearer ', '"', '#access_token=', '{"id_token":"', 'Authorization: '), fc.array(segment, { maxLength: 5 })).map(([prefix, parts]) => prefix + parts.join('.')),
  fc.dictionary(fc.string(), fc.jsonValue()).map((claims) => makeJwt(claims)),
  fc.tuple(fc.dictionary(fc.string(), fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())).map(([claims, header]) => makeJwt(claims, header)),
);

describe('inspecting any string', () => {
  it('never throws and always returns a result the contract accepts', () => {
    fc.assert(
      fc.property(tokenish, fc.date({ noInvalidDate: true }), (input, now) => {
        const result = inspectToken(input, now);
        expect(inspectionSchema.safeParse(result).success).toBe(true);
        if (result.kind === 'invalid') expect(result.problem).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('finds checks exactly for readable JWTs', () => {
    fc.assert(
      fc.property(tokenish, (input) => {
        const result = inspectToken(input, NOW);
        expect(result.checks.length > 0).toBe(result.kind === 'jwt');
      }),
      { numRuns: 2000 },
    );
  });
});
