import { secretLikeMemberNames } from '../../shared/profiles/export-format';
import { knownSecrets } from './known-secrets';

const SECRET_MEMBERS = new Set<string>(secretLikeMemberNames);
/** Deeper than any request the contract has; a hostile payload nested further is not walked further. */
const MAX_DEPTH = 8;

/**
 * Remembers every string a request carries under a secret's name — the client secret or certificate password an
 * admin types into the profile form, a password in a file being imported — the moment it enters main, valid or not.
 */
export function rememberEnteredSecrets(request: unknown, depth = 0): void {
  if (depth > MAX_DEPTH || typeof request !== 'object' || request === null) return;
  for (const [name, member] of Object.entries(request)) {
    if (typeof member === 'string') {
      if (SECRET_MEMBERS.has(name)) knownSecrets.remember(member);
    } else rememberEnteredSecrets(member, depth + 1);
  }
}
