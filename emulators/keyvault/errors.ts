import { json, type EmulatorResponse } from '../core/http';

/**
 * Key Vault's error responses: `{"error": {"code", "message", "innererror"?: {"code"}}}` with the codes and, where
 * known, the wording the real service uses, because clients (and our app's error mapping) branch on them. The
 * SDK surfaces `code` as RestError.code and the whole body as RestError.details.
 *
 * No message ever carries a secret's value: only names, versions and principals.
 */
export type KeyVaultErrorCode = 'SecretNotFound' | 'BadParameter' | 'Forbidden' | 'Unauthorized' | 'Throttled' | 'Conflict';

export function keyVaultError(status: number, code: KeyVaultErrorCode, message: string, innerCode?: string, headers: Record<string, string> = {}): EmulatorResponse {
  const error = innerCode ? { code, message, innererror: { code: innerCode } } : { code, message };
  return json(status, { error }, headers);
}

export function secretNotFound(name: string, version?: string): EmulatorResponse {
  const target = version ? `${name}/${version}` : name;
  return keyVaultError(
    404,
    'SecretNotFound',
    `A secret with (name/id) ${target} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
  );
}

export function deletedSecretNotFound(): EmulatorResponse {
  return keyVaultError(404, 'SecretNotFound', 'Deleted Secret not found');
}

export function badParameter(message: string): EmulatorResponse {
  return keyVaultError(400, 'BadParameter', message);
}

export function invalidName(name: string): EmulatorResponse {
  return badParameter(`The request URI contains an invalid name: ${name}`);
}

export function deletedButRecoverable(name: string): EmulatorResponse {
  return keyVaultError(
    409,
    'Conflict',
    `Secret ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
    'ObjectIsDeletedButRecoverable',
  );
}

/** A disabled version refuses reads with 403 (the data is there, the operation is not allowed). */
export function secretDisabled(): EmulatorResponse {
  return keyVaultError(403, 'Forbidden', 'Operation get is not allowed on a disabled secret.', 'SecretDisabled');
}

export function throttled(retryAfterSeconds: number): EmulatorResponse {
  return keyVaultError(429, 'Throttled', 'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached', undefined, {
    'retry-after': String(retryAfterSeconds),
  });
}
