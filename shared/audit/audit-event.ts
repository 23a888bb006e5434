import { z } from 'zod';
import { samErrorCodes } from '../sam/error-codes';

/**
 * One entry of the local audit log of token events. Structured on purpose: codes, outcomes, store results and a few
 * named facts (the signed-in user, where a token came from), never free text, so no secret can ride along.
 */
export const auditKinds = ['consent', 'reconsent', 'rotation', 'key-vault-write', 'key-vault-retry', 'key-vault-recover', 'key-vault-enable', 'key-vault-version-disabled', 'refresh', 'health-check', 'failure'] as const;
export type AuditKind = (typeof auditKinds)[number];

export const auditEventSchema = z.object({
  at: z.iso.datetime(),
  profileId: z.string().max(64),
  kind: z.enum(auditKinds),
  outcome: z.enum(['ok', 'failed']),
  code: z.enum(samErrorCodes).optional(),
  /**
   * Safe named facts: user (UPN), source (key-vault | keychain), keyVault / keychain (store results), version, state;
   * for a disabled Key Vault version, kept (how many stay enabled), or step (list | disable) and permission on a refusal.
   */
  facts: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])).optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditFilterSchema = z
  .object({
    profileId: z.uuid().optional(),
    kinds: z.array(z.enum(auditKinds)).max(auditKinds.length).optional(),
    outcome: z.enum(['ok', 'failed']).optional(),
    since: z.iso.datetime().optional(),
    /** Newest first; at most this many. */
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;
