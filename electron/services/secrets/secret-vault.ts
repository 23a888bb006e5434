import { createHash } from 'node:crypto';

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

/** Partner Center's access tokens by name; any other resource by the SHA-256 of its URL, which fits every keychain's account names. */
const resourceKey = (resource: string | undefined): string => (resource ? `r-${createHash('sha256').update(resource, 'utf8').digest('hex').slice(0, 32)}` : 'partner-center');

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
  /** An access token for `resource` (Partner Center when absent) that every SAM Desk process may reuse until it nearly expires. */
  accessToken: (profileId: string, resource?: string): string => `profile:${profileId}:access-token:${resourceKey(resource)}`,
  /** The profile's current token line: a shared access token is reused only while this still names the line it came from. */
  accessTokenLine: (profileId: string): string => `profile:${profileId}:access-token-line`,
  /** The resources other than Partner Center that have a shared access token: what removing the profile deletes too. */
  accessTokenResources: (profileId: string): string => `profile:${profileId}:access-token-resources`,
} as const;
