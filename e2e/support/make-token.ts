import { generateKeyPairSync, sign } from 'node:crypto';
import { partnerCenterClaims } from '../../shared/inspector/testing/make-jwt';

/** RS256-signed test tokens shaped like Entra's, so the inspector sees what admins paste. */
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const encode = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export function makeJwt(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const head = encode({ typ: 'JWT', alg: 'RS256', kid: 'e2e-key-1', ...header });
  const body = encode(claims);
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

/** An App+User access token for Partner Center, from a sign-in with MFA, valid for an hour from the real now. */
export function partnerCenterToken(overrides: Record<string, unknown> = {}): string {
  return makeJwt(partnerCenterClaims(overrides, new Date()));
}
