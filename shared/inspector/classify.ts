import { decodeBase64UrlText } from './base64url';
import type { TokenKind } from './inspection';
import { parseJsonObject } from './json-object';
import { problem, type Problem } from './problems';

export interface Classification {
  readonly kind: TokenKind;
  readonly header: Record<string, unknown> | null;
  readonly claims: Record<string, unknown> | null;
  readonly problem: Problem | null;
}

/** Shortest opaque token worth calling a token; Entra's refresh tokens and authorization codes run to hundreds. */
const MIN_OPAQUE_LENGTH = 20;
const notTokenCharacter = /[^A-Za-z0-9._~+/=*!$-]/;
/** Entra's refresh tokens and codes start with a version digit, a dot and "A" (e.g. "0.AXoA…"). */
const entraOpaque = /^[0-9]\.A[A-Za-z0-9_-]/;

/**
 * Decides what a token is and decodes what can be decoded: a signed JWT (3 parts), an encrypted JWE (5 parts,
 * unreadable without the recipient's key), an opaque string such as an Entra refresh token, or something broken,
 * with the exact reason. Never throws.
 */
export function classifyToken(token: string): Classification {
  const unexpected = token.search(/[^\x21-\x7e]/);
  if (unexpected !== -1) return invalid(problem('unexpected-character', { position: unexpected + 1 }));

  const parts = token.split('.');
  const first = parts[0] ?? '';
  const headerText = decodeBase64UrlText(first);
  const header = headerText === null ? null : parseJsonObject(headerText);
  // "eyJ" is base64url for '{"': a JOSE header that failed to decode is a broken JWT, not an opaque token.
  if (header === null && first.startsWith('eyJ')) {
    return invalid(problem(headerText === null ? 'header-not-base64url' : 'header-not-json'));
  }
  if (header !== null) return classifyJose(parts, header);

  const misplaced = token.search(notTokenCharacter);
  if (misplaced !== -1) return invalid(problem('unexpected-character', { position: misplaced + 1 }));
  if (token.length < MIN_OPAQUE_LENGTH) return invalid(problem('too-short', { length: token.length }));
  if (parts.length === 3 || parts.length === 5) return invalid(problem('header-not-json'));
  return {
    kind: 'opaque',
    header: null,
    claims: null,
    problem: problem(entraOpaque.test(token) ? 'opaque-refresh-token' : 'opaque', { length: token.length }),
  };
}

function classifyJose(parts: readonly string[], header: Record<string, unknown>): Classification {
  const encrypted = typeof header.enc === 'string';
  if (encrypted && parts.length === 5) {
    return {
      kind: 'jwe',
      header,
      claims: null,
      problem: problem('encrypted', { alg: text(header.alg), enc: text(header.enc) }),
    };
  }
  if (parts.length !== 3 || encrypted) {
    return { kind: 'invalid', header, claims: null, problem: problem('wrong-part-count', { count: parts.length, expected: encrypted ? 5 : 3 }) };
  }
  const payload = parts[1] ?? '';
  if (payload === '') return { kind: 'invalid', header, claims: null, problem: problem('payload-empty') };
  const payloadText = decodeBase64UrlText(payload);
  if (payloadText === null) return { kind: 'invalid', header, claims: null, problem: problem('payload-not-base64url') };
  const claims = parseJsonObject(payloadText);
  if (claims === null) return { kind: 'invalid', header, claims: null, problem: problem('payload-not-json') };
  return { kind: 'jwt', header, claims, problem: null };
}

function invalid(reason: Problem): Classification {
  return { kind: 'invalid', header: null, claims: null, problem: reason };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '—';
}
