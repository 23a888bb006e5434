import { describe, expect, it } from 'vitest';
import { classifyToken } from './classify';
import { base64UrlEncode, ENTRA_REFRESH_TOKEN, makeJwt, partnerCenterToken } from './testing/make-jwt';

const problemOf = (token: string): string | undefined => classifyToken(token).problem?.messageKey.replace('inspector.problems.', '');

describe('classifying a token', () => {
  it('decodes a signed JWT', () => {
    const result = classifyToken(partnerCenterToken());
    expect(result.kind).toBe('jwt');
    expect(result.header).toMatchObject({ alg: 'RS256', kid: 'test-key-1' });
    expect(result.claims).toMatchObject({ name: 'Åsa Öberg' });
    expect(result.problem).toBeNull();
  });

  it('recognises an encrypted JWE and shows only its header', () => {
    const header = base64UrlEncode(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'k' }));
    const result = classifyToken(`${header}.ZW5jcnlwdGVka2V5.aXY.Y2lwaGVydGV4dA.dGFn`);
    expect(result).toMatchObject({ kind: 'jwe', claims: null, problem: { messageKey: 'inspector.problems.encrypted', params: { alg: 'RSA-OAEP', enc: 'A256GCM' } } });
  });

  it('calls an Entra refresh token opaque and says what it is', () => {
    expect(classifyToken(ENTRA_REFRESH_TOKEN)).toMatchObject({ kind: 'opaque', header: null, claims: null });
    expect(problemOf(ENTRA_REFRESH_TOKEN)).toBe('opaque-refresh-token');
    expect(problemOf('Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV6')).toBe('opaque');
  });

  it('names what is wrong with a broken token', () => {
    const [head = '', body = ''] = partnerCenterToken().split('.');
    expect(problemOf(`${head}.${body}`)).toBe('wrong-part-count');
    expect(classifyToken(`${head}.${body}`).problem?.params).toEqual({ count: 2, expected: 3 });
    expect(problemOf(`${head}..sig`)).toBe('payload-empty');
    expect(problemOf(`${head}.${body.slice(0, -1)}$.sig`)).toBe('payload-not-base64url');
    expect(problemOf(`${head}.${base64UrlEncode('[1,2]')}.sig`)).toBe('payload-not-json');
    expect(problemOf(`eyJ${head.slice(3, 10)}#x.${body}.sig`)).toBe('header-not-base64url');
    expect(problemOf(`${base64UrlEncode('{"alg":')}.${body}.sig`)).toBe('header-not-json');
    expect(problemOf('hello')).toBe('too-short');
    expect(problemOf(`${'a'.repeat(30)}"b`)).toBe('unexpected-character');
    expect(classifyToken('eyJhbGciOi€').problem).toMatchObject({ messageKey: 'inspector.problems.unexpected-character', params: { position: 11 } });
  });

  it('treats a JWE header on a three-part token as damaged, not readable', () => {
    const header = base64UrlEncode(JSON.stringify({ alg: 'dir', enc: 'A128GCM' }));
    expect(classifyToken(`${header}.YQ.YQ`)).toMatchObject({ kind: 'invalid', problem: { params: { count: 3, expected: 5 } } });
  });

  it('reads an unsigned token so that its checks can flag it', () => {
    expect(classifyToken(makeJwt({ sub: 'x' }, { alg: 'none' })).kind).toBe('jwt');
  });
});
