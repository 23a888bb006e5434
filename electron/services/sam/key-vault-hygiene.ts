import type { TokenCredential } from '@azure/identity';
import type { Profile } from '../../../shared/profiles/profile';
import type { AuditLog } from '../audit/audit-log';
import { keyVaultError, refreshTokenVersions } from './key-vault-store';
import type { AfterKeyVaultWrite } from './refresh-token-store';
import { SamError } from './sam-error';

/**
 * Version hygiene for the profile's Key Vault secret. Every version holds a refresh token, and Entra does not revoke a
 * refresh token when it is redeemed: each old version stays a live credential for anyone who may read the vault. So
 * after a successor is written, the versions beyond the newest `keep` are disabled (a disabled version refuses reads,
 * so its token cannot be taken from the vault). They are never deleted: an admin can enable one again to recover.
 */
export type HygieneEvent =
  | { readonly kind: 'disabled'; readonly version: string }
  /** Key Vault refused: to list the versions (`version` null), or to disable this one. The rest waits for the next write. */
  | { readonly kind: 'refused'; readonly version: string | null; readonly error: SamError };

/**
 * At most this many versions are disabled after one write (each is a request, and the write waits for them): a vault
 * with a long history of enabled versions is worked off over the next few writes.
 */
export const MAX_DISABLED_PER_WRITE = 50;

/**
 * Disables the enabled versions beyond the newest `keep`. The version just written (`written`) is kept whatever the
 * listing's order says: versions written within the same second are dated alike. Versions already disabled are left
 * alone. Stops at the first refusal (without the permission, every other version would be refused too). Never throws.
 */
export async function disableVersionsBeyond(profile: Profile, credential: TokenCredential, keep: number, written: string): Promise<HygieneEvent[]> {
  const versions = refreshTokenVersions(profile, credential);
  const listed = await versions.listAll().catch((error: unknown) => keyVaultError(error));
  if (listed instanceof SamError) return [{ kind: 'refused', version: null, error: listed }];
  const kept = new Set([written, ...listed.slice(0, Math.max(1, keep)).map((version) => version.version)]);
  // Newest first: the younger a refresh token, the longer it stays valid.
  const beyond = listed.filter(({ version, enabled }) => enabled && !kept.has(version)).slice(0, MAX_DISABLED_PER_WRITE);
  const events: HygieneEvent[] = [];
  for (const { version } of beyond) {
    try {
      await versions.setEnabled(version, false);
      events.push({ kind: 'disabled', version });
    } catch (error) {
      events.push({ kind: 'refused', version, error: keyVaultError(error) });
      break;
    }
  }
  return events;
}

/**
 * The hygiene as SAM Desk runs it after each new version, whoever wrote it (a redemption, a consent, a retry): `keep`
 * from the health settings, and every disabled version and every refusal (with its code and the permission Key Vault
 * names) in the audit log. Never throws: hygiene must not fail the save it follows, nor lose its token.
 */
export function auditedVersionHygiene(deps: { readonly keep: () => Promise<number>; readonly audit: AuditLog }): AfterKeyVaultWrite {
  return async (profile, credential, written) => {
    try {
      const keep = await deps.keep();
      for (const event of await disableVersionsBeyond(profile, credential, keep, written)) {
        const base = { profileId: profile.id, kind: 'key-vault-version-disabled' } as const;
        if (event.kind === 'disabled') {
          await deps.audit.record({ ...base, outcome: 'ok', facts: { version: event.version, kept: keep } });
        } else {
          const { permission } = event.error.detail;
          await deps.audit.record({
            ...base,
            outcome: 'failed',
            code: event.error.code,
            facts: { step: event.version === null ? 'list' : 'disable', ...(event.version ? { version: event.version } : {}), ...(typeof permission === 'string' ? { permission } : {}) },
          });
        }
      }
    } catch {
      // The settings or the log could not be read or written: the versions wait for the next write.
    }
  };
}
