import { z } from 'zod';

/**
 * Failures that cross the bridge. Only a stable code and the path of the offending field travel; the
 * renderer turns the code into a sentence and a remedy in the user's language (`errors.<code>` in shared/i18n).
 * Nothing from an exception's message crosses, so no secret can ride along on one.
 */
export const ipcErrorCodeSchema = z.enum([
  'invalid-request',
  'unknown-method',
  'forbidden',
  'internal',
  'unavailable',
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  /** For invalid-request: the dotted path of the first field that failed, e.g. `input`. */
  field: z.string().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ipcErrorSchema }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

/** The error a `window.samDesk` call rejects with, on both bridges alike. */
export class SamDeskError extends Error {
  readonly code: IpcErrorCode;
  readonly field: string | undefined;
  constructor(error: IpcError) {
    super(error.field ? `${error.code}:${error.field}` : error.code);
    this.name = 'SamDeskError';
    this.code = error.code;
    this.field = error.field;
  }
}

/** Unwraps an envelope that arrived over either bridge; anything malformed counts as `unavailable`. */
export function unwrapEnvelope(raw: unknown): unknown {
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) throw new SamDeskError({ code: 'unavailable' });
  if (parsed.data.ok) return parsed.data.value;
  throw new SamDeskError(parsed.data.error);
}

/** Reads the code back from an error that crossed contextBridge (which keeps only `message`). */
export function errorCodeOf(error: unknown): IpcErrorCode {
  const message = error instanceof Error ? error.message : '';
  const parsed = ipcErrorCodeSchema.safeParse(message.split(':')[0]);
  return parsed.success ? parsed.data : 'unavailable';
}
