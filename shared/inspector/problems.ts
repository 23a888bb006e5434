import { revealHidden } from '../text/hidden-characters';
import type { MessageParams } from './inspection';

/**
 * Why a pasted text is not a readable token, or a note on a token that cannot be read (encrypted, opaque).
 * Each id is an i18n key under `inspector.problems.*`.
 */
export type ProblemId =
  | 'empty'
  | 'too-long'
  | 'json-without-token'
  | 'unexpected-character'
  | 'header-not-base64url'
  | 'header-not-json'
  | 'payload-empty'
  | 'payload-not-base64url'
  | 'payload-not-json'
  | 'wrong-part-count'
  | 'encrypted'
  | 'opaque'
  | 'opaque-refresh-token'
  | 'too-short'
  | 'not-a-token';

export interface Problem {
  readonly messageKey: `inspector.problems.${ProblemId}`;
  readonly params: MessageParams;
}

export function problem(id: ProblemId, params: MessageParams = {}): Problem {
  return { messageKey: `inspector.problems.${id}`, params: visibleParams(params) };
}

/** Message params with every hidden character written as a visible escape: they end up inside a sentence. */
export function visibleParams(params: MessageParams): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? revealHidden(value) : value]));
}
