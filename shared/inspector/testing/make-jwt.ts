/**
 * Test tokens shaped like Entra's, built without Node so shared/ stays platform-free. The signature is random
 * bytes: the inspector reports signatures as unverified, so it never looks at them.
 */

export function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function makeJwt(claims: Record<string, unknown>, header: Record<string, unknown> = { typ: 'JWT', alg: 'RS256', kid: 'test-key-1' }): string {
  return `${base64UrlEncode(JSON.stringify(header))}.${base64UrlEncode(JSON.stringify(claims))}.c2lnbmF0dXJlLWJ5dGVzLW5vdC12ZXJpZmllZA`;
}

export const NOW = new Date('2026-11-24T12:00:00Z');
/** An App+User Partner Center access token from an MFA sign-in, valid for an hour after `now`. */
export function partnerCenterClaims(overrides: Record<string, unknown> = {}, now: Date = NOW): Record<string, unknown> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return {
    aud: 'https://api.partnercenter.microsoft.com',
    iss: 'https://sts.windows.net/6f2b3c1a-0d4e-4f5a-9b8c-7d6e5f4a3b2c/',
    iat: nowSeconds - 300,
    nbf: nowSeconds - 300,
    exp: nowSeconds + 3600,
    amr: ['pwd', 'mfa'],
    appid: '3c1f2e4d-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    name: 'Åsa Öberg',
    upn: 'asa.oberg@contoso-partner.onmicrosoft.com',
    oid: '11111111-2222-4333-8444-555555555555',
    scp: 'user_impersonation',
    tid: '6f2b3c1a-0d4e-4f5a-9b8c-7d6e5f4a3b2c',
    ver: '1.0',
    ...overrides,
  };
}

export function partnerCenterToken(overrides: Record<string, unknown> = {}, now: Date = NOW): string {
  return makeJwt(partnerCenterClaims(overrides, now));
}

/** The shape of an Entra refresh token: opaque, "0.A" then base64url-ish text, hundreds of characters. */
export const ENTRA_REFRESH_TOKEN = `0.AXoAe1f2G3h4I5j6K7l8M9n0OpQrStUvWxYz-AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf${'Qx7_zK-p'.repeat(40)}`;
