import { hasHiddenCharacters, revealHidden } from '../text/hidden-characters';
import { check } from './check-result';
import type { InspectionCheck } from './inspection';

/**
 * The claims that say who the token is for and whom it speaks for. A direction override or a zero-width character in
 * one of them has no honest use: it is there to make an audience, a UPN or an issuer look like another.
 */
const IDENTIFYING_CLAIMS = new Set(['aud', 'iss', 'tid', 'oid', 'sub', 'upn', 'unique_name', 'preferred_username', 'email', 'appid', 'azp', 'scp', 'roles', 'amr', 'idtyp', 'ver']);

/**
 * Fails when a header field or an identifying claim carries a control, direction-changing or zero-width character
 * (the inspector shows each as a \\u escape); warns when only other claims do (a display name in a right-to-left
 * script may carry a mark legitimately); passes otherwise.
 */
export function hiddenCharactersCheck(header: Record<string, unknown>, claims: Record<string, unknown>): InspectionCheck {
  const inHeader = Object.keys(header).filter((name) => carriesHidden(name) || carriesHidden(header[name]));
  const inClaims = Object.keys(claims).filter((name) => carriesHidden(name) || carriesHidden(claims[name]));
  if (inHeader.length === 0 && inClaims.length === 0) return check('hidden-characters', 'pass', 'pass');
  const named = [...inHeader.map((name) => `header.${name}`), ...inClaims].map(revealHidden).join(', ');
  const deceiving = inHeader.length > 0 || inClaims.some((name) => IDENTIFYING_CLAIMS.has(name));
  return deceiving ? check('hidden-characters', 'fail', 'fail', { claims: named }) : check('hidden-characters', 'warn', 'warn', { claims: named });
}

/** Whether any string in the value (a claim's value, or a nested array or object's keys and values) hides characters. */
function carriesHidden(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (hasHiddenCharacters(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, item] of Object.entries(next)) pending.push(key, item);
    }
  }
  return false;
}
