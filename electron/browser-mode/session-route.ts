import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Logger } from '../services/logger';
import type { SessionKeys } from './launch-codes';
import { readJsonBodyOrRefuse } from './read-body';
import { sendJson } from './response-headers';

/** Where the page trades its launch code for a session key: a same-origin JSON POST (the guard checked Host and Origin). */
export const SESSION_PATH = '/api/session';

const sessionRequestSchema = z.object({ code: z.string().max(128) });

export async function openSession(request: IncomingMessage, response: ServerResponse, sessions: SessionKeys, logger: Logger): Promise<void> {
  const body = await readJsonBodyOrRefuse(request, response);
  if (body === undefined) return;
  const parsed = sessionRequestSchema.safeParse(body);
  const exchange = sessions.exchange(parsed.success ? parsed.data.code : '');
  if (!exchange.ok) {
    // A replay revoked the session the code had opened: whoever held it first is out again.
    logger.warn(exchange.reason === 'used' ? 'browser-mode.launch-code-replayed' : 'browser-mode.launch-code-refused', { reason: exchange.reason });
    sendJson(response, 401, { ok: false, error: { code: 'forbidden' } });
    return;
  }
  logger.info('browser-mode.session-opened');
  sendJson(response, 200, { ok: true, value: { key: exchange.sessionKey } });
}
