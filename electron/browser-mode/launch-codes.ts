import { createHash, randomBytes } from 'node:crypto';

/**
 * How a browser tab becomes SAM Desk's page in browser mode. The address the launcher prints and hands to the opener
 * (`xdg-open`, `open`, `rundll32`: its command line is visible to every local user in `ps`) carries only a launch
 * code: good once, for a minute. The page exchanges it for a session key, which never leaves the page (no URL, no
 * terminal) and is what every API call carries. A code presented a second time means two parties had it (another
 * local user racing the browser, or a pasted link): it is refused, and the session it already opened is revoked.
 */
export const LAUNCH_CODE_LIFETIME_MS = 60_000;

export type LaunchCodeRefusal = 'unknown' | 'used' | 'expired';
export type Exchange = { readonly ok: true; readonly sessionKey: string } | { readonly ok: false; readonly reason: LaunchCodeRefusal };

export interface SessionKeys {
  /** A new one-time launch code (256 bits). */
  readonly issueLaunchCode: () => string;
  /** Trades a launch code for a new session key (256 bits), once, within its lifetime. */
  readonly exchange: (code: string) => Exchange;
  readonly isSessionKey: (key: string) => boolean;
}

/** Codes and keys are kept as SHA-256 digests: a lookup then takes no time that depends on how close a guess was. */
const digest = (value: string): string => createHash('sha256').update(value, 'utf8').digest('base64url');
const random256 = (): string => randomBytes(32).toString('base64url');

interface IssuedCode {
  readonly expiresAt: number;
  /** The digest of the session key it was exchanged for; absent while unused. */
  session?: string;
}

export function createSessionKeys(now: () => number = Date.now): SessionKeys {
  const codes = new Map<string, IssuedCode>();
  const sessions = new Set<string>();
  /** Unused codes past their time are forgotten; used ones are kept to recognise a replay. */
  const prune = (): void => {
    for (const [code, issued] of codes) if (issued.session === undefined && issued.expiresAt <= now()) codes.delete(code);
  };
  return {
    issueLaunchCode: () => {
      prune();
      const code = random256();
      codes.set(digest(code), { expiresAt: now() + LAUNCH_CODE_LIFETIME_MS });
      return code;
    },
    exchange: (code) => {
      const issued = codes.get(digest(code));
      if (!issued) return { ok: false, reason: 'unknown' };
      if (issued.session !== undefined) {
        sessions.delete(issued.session);
        return { ok: false, reason: 'used' };
      }
      if (issued.expiresAt <= now()) {
        codes.delete(digest(code));
        return { ok: false, reason: 'expired' };
      }
      const sessionKey = random256();
      issued.session = digest(sessionKey);
      sessions.add(issued.session);
      return { ok: true, sessionKey };
    },
    isSessionKey: (key) => sessions.has(digest(key)),
  };
}
