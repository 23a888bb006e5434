/**
 * Where SAM Desk keeps secrets on this computer: client secrets, PFX passwords and refresh tokens, never in a plain
 * file. The production implementation is the OS keychain (keychain.ts, through keytar); accounts are namespaced
 * per profile with the helpers below.
 */
export interface SecretVault {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

export const secretAccounts = {
  clientSecret: (profileId: string): string => `profile:${profileId}:client-secret`,
  certificatePassword: (profileId: string): string => `profile:${profileId}:certificate-password`,
  refreshToken: (profileId: string): string => `profile:${profileId}:refresh-token`,
  /** Where the client secret or certificate password was entered for (shared/profiles/endpoint-binding.ts). */
  credentialBinding: (profileId: string): string => `profile:${profileId}:credential-binding`,
  /** Where the refresh tokens (keychain and Key Vault copy) were consented for. */
  tokenBinding: (profileId: string): string => `profile:${profileId}:token-binding`,
  /** The AES-256 key of the profile's offline Partner Center cache. */
  cacheKey: (profileId: string): string => `profile:${profileId}:cache-key`,
} as const;
