import { z } from 'zod';
import { samErrorCodes } from '../sam/error-codes';

/** The schemas every contract file shares, written once. */

/** Profiles are named by a UUID the profile service gave them. */
export const profileIdSchema = z.uuid();

/** The values a failure's message and remedy are filled in with (`sam.errors` in shared/i18n). */
export const detailSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const errorCodeSchema = z.enum(samErrorCodes);

/** An operation that failed for a reason a person can act on: the code's message and remedy are in `sam.errors`. */
export const samFailureSchema = z.object({ ok: z.literal(false), error: errorCodeSchema, detail: detailSchema });
export type SamFailure = z.infer<typeof samFailureSchema>;

/** A success carrying `shape`, or a failure. */
export const orFailure = <T extends z.ZodRawShape>(shape: T) => z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...shape }), samFailureSchema]);
