import { describe, expect, it } from 'vitest';
import { extractToken } from './normalize';
import { partnerCenterToken } from './testing/make-jwt';

const jwt = partnerCenterToken();

describe('finding the token in what an admin pasted', () => {
  it.each([
    ['a bare token', jwt, 'bare', null],
    ['a Bearer value', `Bearer ${jwt}`, 'bearer', null],
    ['a lower-case bearer value', `bearer   ${jwt}`, 'bearer', null],
    ['an Authorization header line', `Authorization: Bearer ${jwt}`, 'authorization-header', null],
    ['double quotes with spaces', `  "${jwt}"\n`, 'quoted', null],
    ['single quotes around a Bearer value', `'Bearer ${jwt}'`, 'quoted', null],
    ['line breaks from a wrapped terminal', `${jwt.slice(0, 40)}\n${jwt.slice(40, 90)}\r\n  ${jwt.slice(90)}`, 'bare', null],
    ['a redirect URL fragment', `https://localhost:8400/#access_token=${jwt}&token_type=Bearer&expires_in=3599`, 'url-fragment', 'access_token'],
    ['an id_token fragment', `#id_token=${jwt}&state=abc`, 'url-fragment', 'id_token'],
    ['a query string', `https://app.example/callback?state=1&id_token=${jwt}`, 'url-query', 'id_token'],
    ['form parameters', `access_token=${jwt}&token_type=Bearer`, 'form-parameters', 'access_token'],
    ['a JSON token response', JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: jwt, refresh_token: '0.AXoA' }), 'token-response', 'access_token'],
    ['a JSON member line', `"access_token": "${jwt}",`, 'token-response', 'access_token'],
  ])('reads %s', (_name, input, source, parameter) => {
    expect(extractToken(input)).toEqual({ ok: true, token: jwt, source, parameter });
  });

  it('percent-decodes URL parameters', () => {
    expect(extractToken('#refresh_token=0.AXoA%2Babc&x=1')).toMatchObject({ ok: true, token: '0.AXoA+abc', parameter: 'refresh_token' });
  });

  it('names the problem when there is nothing to inspect', () => {
    expect(extractToken('  \n ')).toMatchObject({ ok: false, problem: { messageKey: 'inspector.problems.empty' } });
    expect(extractToken('Bearer ""')).toMatchObject({ ok: false, problem: { messageKey: 'inspector.problems.empty' } });
    expect(extractToken('{"error":"invalid_grant"}')).toMatchObject({ ok: false, problem: { messageKey: 'inspector.problems.json-without-token' } });
  });
});
