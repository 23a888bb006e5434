import type { webcrypto } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, createLocalJWKSet, errors, type JWK, type JWTPayload } from 'jose';

/**
 * The Entra emulator's token-signing key: RS256 like Entra's, published as a JWKS, and used by the Key Vault and
 * Partner Center emulators to validate the bearer tokens they receive, as the real services validate Entra's.
 */
export type TokenProblem = 'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'audience';

export class SigningKeys {
  private constructor(
    private readonly privateKey: webcrypto.CryptoKey,
    readonly jwks: { keys: JWK[] },
    readonly kid: string,
  ) {}

  static async create(): Promise<SigningKeys> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `emu-${crypto.randomUUID().slice(0, 8)}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', kty: 'RSA' };
    return new SigningKeys(privateKey, { keys: [jwk] }, kid);
  }

  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: this.kid, x5t: this.kid }).sign(this.privateKey);
  }

  /** The token's claims, or why it is not acceptable for `audiences` at `now`. */
  async verify(token: string, audiences: readonly string[], now: Date): Promise<{ ok: true; claims: JWTPayload } | { ok: false; problem: TokenProblem }> {
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(this.jwks), { audience: [...audiences], currentDate: now, algorithms: ['RS256'], clockTolerance: 300 });
      return { ok: true, claims: payload };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, problem: 'expired' };
      if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, problem: error.claim === 'aud' ? 'audience' : error.claim === 'nbf' ? 'not-yet-valid' : 'malformed' };
      if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return { ok: false, problem: 'signature' };
      return { ok: false, problem: 'malformed' };
    }
  }
}
