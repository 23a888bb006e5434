import { knownSecrets, type SecretRegistry } from '../known-secrets';
import type { SecretVault } from './secret-vault';

/**
 * A SecretVault that remembers every value it stores or reads (client secrets and certificate passwords as entered
 * or read back, refresh tokens, cache keys) in the process's secret registry, so no log line can show one.
 */
export function rememberingVault(vault: SecretVault, registry: SecretRegistry = knownSecrets): SecretVault {
  return {
    async get(account) {
      const value = await vault.get(account);
      registry.remember(value);
      return value;
    },
    async set(account, value) {
      // Before the write: a failing write must not leave the value unknown to an error path that logs.
      registry.remember(value);
      await vault.set(account, value);
    },
    delete: (account) => vault.delete(account),
  };
}
