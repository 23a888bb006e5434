import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Where the next page starts, bound to the listing it came from. `kind` and `scope` name the listing (e.g. users
 * of one customer) so a token cannot be replayed on another; `filter` is the filter the listing continues with;
 * `pin` holds numbers a listing fixes on its first page (the audit log's date window and snapshot).
 */
export interface Cursor {
  readonly kind: string;
  readonly scope: string;
  readonly filter: string | null;
  readonly offset: number;
  readonly pin: readonly number[];
}

/**
 * MS-ContinuationToken values: opaque, signed, and shaped like the real ones (`guid,base64..._base64=`). The real
 * tokens contain `,` `/` `+` `=`, which break clients that URL-encode or trim the header; these always contain all
 * four (the payload starts with marker bytes that encode as "++//", and the MAC's base64 ends with "="), so a
 * client that does not pass the value back verbatim fails here as it would against Microsoft.
 */
const MARKER = Buffer.from([0xfb, 0xef, 0xff]);

export class ContinuationTokens {
  /** Per local cloud: tokens from another run (or another cloud) are unknown here, as they would be. */
  private readonly secret = randomBytes(32);

  issue(cursor: Cursor): string {
    const payload = Buffer.concat([MARKER, Buffer.from(JSON.stringify(cursor), 'utf8')]).toString('base64');
    const body = `${randomUUID()},${payload}`;
    return `${body}_${this.mac(body)}`;
  }

  /** The cursor, or null when the token was not issued here or was altered in any way. */
  read(token: string): Cursor | null {
    const split = token.lastIndexOf('_');
    if (split < 0) return null;
    const body = token.slice(0, split);
    const given = Buffer.from(token.slice(split + 1), 'utf8');
    const expected = Buffer.from(this.mac(body), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const bytes = Buffer.from(body.slice(body.indexOf(',') + 1), 'base64');
    if (!bytes.subarray(0, MARKER.length).equals(MARKER)) return null;
    try {
      return asCursor(JSON.parse(bytes.subarray(MARKER.length).toString('utf8')));
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64');
  }
}

function asCursor(value: unknown): Cursor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, scope, filter, offset, pin } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || typeof scope !== 'string' || !Number.isSafeInteger(offset) || !Array.isArray(pin)) return null;
  if ((filter !== null && typeof filter !== 'string') || !pin.every((item) => typeof item === 'number')) return null;
  return { kind, scope, filter, offset: offset as number, pin };
}
