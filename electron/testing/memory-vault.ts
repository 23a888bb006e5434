import type { SecretVault } from '../services/secrets/secret-vault';

/**
 * A SecretVault held in memory, for tests that are not about the keychain (the bridges, the dispatcher). Tests of
 * anything that stores secrets use the real OS keychain instead.
 */
export function memoryVault(): SecretVault & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (account) => entries.get(account) ?? null,
    set: async (account, value) => void entries.set(account, value),
    delete: async (account) => entries.delete(account),
  };
}
