import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Every Partner Center response echoes the caller's MS-RequestId and MS-CorrelationId (a client reuses the
 * request id when it retries after a timeout, and logs both). When the caller sent none, the service makes its own.
 * Applied by the HTTP layer to every response, including injected faults and 404s.
 */
export function partnerCenterHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'MS-RequestId': single(req.headers['ms-requestid']) ?? randomUUID(),
    'MS-CorrelationId': single(req.headers['ms-correlationid']) ?? randomUUID(),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}
