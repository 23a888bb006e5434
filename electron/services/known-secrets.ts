/**
 * Every secret this process has learned — client secrets and certificate passwords read from the keychain or entered,
 * refresh tokens, access and ID tokens obtained or redeemed — so that the logger (and the audit log) can replace each
 * one wherever it appears, whatever its length or shape. The logger's patterns catch what looks like a token; this
 * catches what is one, such as a 36-character client secret.
 *
 * One registry for the whole process on purpose: a secret learned by any service must be redacted by every logger,
 * and a secret reaches a log line by accident, not along a path a port could name.
 */
export interface SecretRegistry {
  /** Remembers a secret (ignores null, undefined and values too short to redact without mangling ordinary text). */
  remember(value: string | null | undefined): void;
  knows(value: string): boolean;
  /** `text` with every remembered secret in it replaced by `[redacted]`. */
  redact(text: string): string;
}

export interface SecretRegistryLimits {
  /** Shorter values are not remembered: redacting "pass" everywhere would garble the log, not protect it. */
  readonly minLength: number;
  /** The most remembered at once; the least recently learned go first (a secret read again is learned again). */
  readonly capacity: number;
}

export const SECRET_REGISTRY_LIMITS: SecretRegistryLimits = { minLength: 6, capacity: 2_000 };

export function createSecretRegistry(limits: SecretRegistryLimits = SECRET_REGISTRY_LIMITS): SecretRegistry {
  // A Set keeps insertion order: deleting and adding again moves a secret to the newest end.
  const secrets = new Set<string>();
  /** Longest first, so a secret that contains another is replaced whole; rebuilt only after a change. */
  let longestFirst: string[] | null = [];
  return {
    remember(value) {
      if (typeof value !== 'string' || value.length < limits.minLength) return;
      secrets.delete(value);
      secrets.add(value);
      for (const oldest of secrets) {
        if (secrets.size <= limits.capacity) break;
        secrets.delete(oldest);
      }
      longestFirst = null;
    },
    knows: (value) => secrets.has(value),
    redact(text) {
      longestFirst ??= [...secrets].sort((a, b) => b.length - a.length);
      let redacted = text;
      for (const secret of longestFirst) if (redacted.includes(secret)) redacted = redacted.split(secret).join('[redacted]');
      return redacted;
    },
  };
}

/** This process's registry: where services remember what they learn, and what the logger redacts. */
export const knownSecrets: SecretRegistry = createSecretRegistry();
