import { createHash, timingSafeEqual, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';
import type { CloudState } from '../core/cloud-state';
import { aadsts, type AadstsError } from './aadsts-errors';
import type { EntraState } from './entra-state';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Authenticates the confidential client on the token endpoint: a client secret, or a client assertion (a JWT
 * signed with a certificate registered on the app, identified by its x5t thumbprint), as Entra accepts both.
 */
export async function authenticateClient(form: URLSearchParams, cloud: CloudState, entra: EntraState, tokenEndpoint: string): Promise<AadstsError | null> {
  const clientId = form.get('client_id') ?? '';
  const app = cloud.world.appById(clientId);
  if (!app) return aadsts.unknownClient;
  const assertion = form.get('client_assertion');
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== ASSERTION_TYPE) return aadsts.invalidClientAssertion;
    return (await assertionValid(assertion, clientId, entra.certificates, tokenEndpoint, cloud.clock.now())) ? null : aadsts.invalidClientAssertion;
  }
  const secret = form.get('client_secret');
  if (secret === null) return aadsts.invalidClientSecret;
  if (!sameText(secret, app.clientSecret)) return aadsts.invalidClientSecret;
  // The SAM app's secret (the one SAM Desk holds) ends on its end date (moved by the control API) or when the control
  // API expires it; the other app's is not touched.
  if (app === cloud.world.app && (cloud.settings.clientSecretExpired || cloud.clock.now() >= cloud.appSecretEndsAt)) return aadsts.expiredClientSecret;
  return null;
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function assertionValid(assertion: string, clientId: string, certificates: readonly string[], tokenEndpoint: string, now: Date): Promise<boolean> {
  try {
    const header = decodeProtectedHeader(assertion);
    const thumbprint = header.x5t ?? (typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined);
    for (const pem of certificates) {
      const certificate = new X509Certificate(pem);
      const sha1 = createHash('sha1').update(certificate.raw).digest('base64url');
      const sha256 = createHash('sha256').update(certificate.raw).digest('base64url');
      if (thumbprint !== sha1 && thumbprint !== sha256) continue;
      const key = await importX509(pem, typeof header.alg === 'string' ? header.alg : 'RS256');
      const { payload } = await jwtVerify(assertion, key, { currentDate: now, clockTolerance: 300 });
      const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      // Entra accepts the token endpoint URL (v1 or v2) as the audience.
      const audienceOk = audience.some((value) => typeof value === 'string' && (value === tokenEndpoint || value.replace('/v2.0/', '/') === tokenEndpoint.replace('/v2.0/', '/')));
      return payload.iss === clientId && payload.sub === clientId && audienceOk;
    }
    return false;
  } catch {
    return false;
  }
}
