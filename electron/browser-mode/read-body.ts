import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './response-headers';

/** The largest request body accepted: room for a pasted token and its request envelope, nothing more. */
export const MAX_BODY_BYTES = 256 * 1024;

export class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415) {
    super(`body rejected with ${status}`);
    this.name = 'BodyError';
  }
}

/** Reads a JSON body, refusing other content types, oversized bodies and malformed JSON. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) throw new BodyError(415);
  // Announced as too large: refused before a byte of it is read (or waited for).
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new BodyError(413);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413);
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BodyError(400);
  }
}

/** Reads a JSON body, or answers the refusal itself (and closes the connection) and returns undefined. */
export async function readJsonBodyOrRefuse(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
  try {
    return await readJsonBody(request);
  } catch (error) {
    const status = error instanceof BodyError ? error.status : 400;
    response.setHeader('Connection', 'close');
    sendJson(response, status, { ok: false, error: { code: 'invalid-request' } });
    return undefined;
  }
}
