/**
 * Strict base64url → UTF-8 decoding without Node's Buffer, so the same code runs in the renderer and the CLI.
 * Returns null instead of throwing: the inspector turns null into a precise "this part is not base64url" problem.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const valueOf = new Map<string, number>(Array.from({ length: alphabet.length }, (_, index) => [alphabet.charAt(index), index]));
// Some tools emit standard base64 inside JWTs; reading it too costs nothing and spares the admin a retry.
valueOf.set('+', 62);
valueOf.set('/', 63);

export function decodeBase64UrlBytes(segment: string): Uint8Array | null {
  const unpadded = segment.replace(/={1,2}$/, '');
  if (unpadded.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((unpadded.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let index = 0; index < unpadded.length; index++) {
    const value = valueOf.get(unpadded.charAt(index));
    if (value === undefined) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, written);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The segment's text, or null when it is not base64url or not valid UTF-8. */
export function decodeBase64UrlText(segment: string): string | null {
  const bytes = decodeBase64UrlBytes(segment);
  if (bytes === null) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
