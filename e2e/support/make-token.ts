import { generateKeyPairSync, sign } from 'node:crypto';

/** RS256-signed test tokens shaped like Entra's, so the inspector sees what admins paste. */
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const encode = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export function makeJwt(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const head = encode({ typ: 'JWT', alg: 'RS256', kid: 'e2e-key-1', ...header });
  const body = encode(claims);
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** An App+User access token for Partner Center, from a sign-in with MFA, valid for an hour. */
export function partnerCenterToken(overrides: Record<string, unknown> = {}): string {
  const now = nowSeconds();
  return makeJwt({
    aud: 'https://api.partnercenter.microsoft.com',
    iss: 'https://sts.windows.net/6f2b3c1a-0d4e-4f5a-9b8c-7d6e5f4a3b2c/',
    iat: now - 300,
    nbf: now - 300,
    exp: now + 3600,
    amr: ['pwd', 'mfa'],
    appid: '3c1f2e4d-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    name: 'Åsa Öberg',
    upn: 'asa.oberg@contoso-partner.onmicrosoft.com',
    oid: '11111111-2222-4333-8444-555555555555',
    scp: 'user_impersonation',
    tid: '6f2b3c1a-0d4e-4f5a-9b8c-7d6e5f4a3b2c',
    ver: '1.0',
    ...overrides,
  });
}
