import type { Language } from '../../shared/i18n/languages';
import type { Profile } from '../../shared/profiles/profile';
import { createAuditLog, type AuditLog } from './audit/audit-log';
import { createHealthService, type HealthEntry, type HealthService } from './health/health-service';
import { repairKeyVault, type KeyVaultRepair } from './health/key-vault-repair';
import { createPartnerCenterData, type PartnerCenterData } from './partner-center/partner-center-data';
import { createProfileFile } from './profiles/profile-file';
import { createProfileService, type ProfileService } from './profiles/profile-service';
import { createTenantResolver } from './profiles/tenant-resolver';
import { createConsentService, type ConsentService } from './sam/consent-service';
import { classifyError } from './sam/classify-error';
import { auditedVersionHygiene } from './sam/key-vault-hygiene';
import { SamError } from './sam/sam-error';
import { createTokenService, type TokenService } from './sam/token-service';
import type { SecretVault } from './secrets/secret-vault';

/** Everything SAM Desk does with profiles, consent and tokens, built once for the app (either bridge) or the CLI. */
export interface SamDeskServices {
  readonly profiles: ProfileService;
  readonly consent: ConsentService;
  readonly tokens: TokenService;
  readonly vault: SecretVault;
  /** Partner Center customers and users: the offline cache and streamed syncs. */
  readonly partnerCenter: PartnerCenterData;
  /** Token health per profile, from facts every consent, redemption and check leaves behind. */
  readonly health: HealthService;
  /** The append-only log of token events. */
  readonly audit: AuditLog;
  /** SAM Desk's clock, the one every service dates by (the local cloud's in the demo: see app-clock.ts). */
  readonly now: () => Date;
  getProfile(id: string): Promise<Profile>;
  /** Writes the keychain's copy of the refresh token to Key Vault after a failed write; returns the new version. */
  retryKeyVault(profileId: string): Promise<string>;
  /** Recovers, enables or rewrites the profile's Key Vault secret, records it, and checks the profile again. */
  repairKeyVault(profileId: string, repair: KeyVaultRepair): Promise<HealthEntry>;
}

export interface SamDeskServicesDeps {
  readonly userDataDirectory: string;
  readonly vault: SecretVault;
  /** Opens a consent's sign-in page; `signInOrigins` are the profile's bound sign-in host and its aliases. */
  readonly openBrowser: (url: string, signInOrigins: readonly string[]) => void;
  readonly openSignInWindow?: (url: string, redirectUri: string) => void;
  readonly now: () => Date;
  readonly loopbackPages: { readonly success: string; readonly failure: string };
  /** The language Partner Center answers in (X-Locale) when the window does not say; English by default. */
  readonly language?: Language;
}

export function createSamDeskServices(deps: SamDeskServicesDeps): SamDeskServices {
  const profiles = createProfileService({ file: createProfileFile({ directory: deps.userDataDirectory, now: deps.now }), vault: deps.vault, resolveTenant: createTenantResolver(), now: deps.now });
  const getProfile = async (id: string): Promise<Profile> => {
    const profile = await profiles.get(id);
    if (!profile) throw new SamError('profile-not-found');
    return profile;
  };
  const audit = createAuditLog({ directory: deps.userDataDirectory, now: deps.now });
  const health = createHealthService({
    directory: deps.userDataDirectory,
    vault: deps.vault,
    // The token service reports to health, which reads tokens back: the late binding breaks the cycle.
    tokens: () => createdTokens,
    getProfile,
    listProfiles: async () => (await profiles.list()).profiles,
    audit,
    now: deps.now,
  });
  // After every new Key Vault version (a redemption, a consent, a retry): older versions beyond the setting are disabled.
  const afterKeyVaultWrite = auditedVersionHygiene({ keep: async () => (await health.settings.read()).keyVaultVersionsKept, audit });
  const createdTokens = createTokenService({
    getProfile,
    vault: deps.vault,
    now: deps.now,
    afterKeyVaultWrite,
    onRedeemed: (profileId, resource, token) => void health.recordRedeemed(profileId, resource, token),
    onRedeemFailed: (profileId, _resource, error) => void health.recordRedeemFailed(profileId, error),
  });
  /** One Key Vault fix (the consent panel's retry is the write), recorded in the audit log either way. */
  const repairAudited = async (profileId: string, repair: KeyVaultRepair): Promise<string | null> => {
    const kind = repair === 'recover' ? 'key-vault-recover' : repair === 'enable' ? 'key-vault-enable' : 'key-vault-retry';
    try {
      const version = await repairKeyVault(await getProfile(profileId), deps.vault, repair, deps.now(), afterKeyVaultWrite);
      await audit.record({ profileId, kind, outcome: 'ok', facts: version ? { version } : {} });
      return version;
    } catch (error) {
      await audit.record({ profileId, kind, outcome: 'failed', code: classifyError(error).code });
      throw error;
    }
  };
  return {
    profiles,
    vault: deps.vault,
    now: deps.now,
    getProfile,
    retryKeyVault: async (profileId) => (await repairAudited(profileId, 'write')) ?? '',
    repairKeyVault: async (profileId, repair) => {
      await repairAudited(profileId, repair);
      // Look again without redeeming: the repair's own outcome is what the admin wants to see.
      return health.check(profileId, { refresh: false, probe: false });
    },
    consent: createConsentService({
      getProfile,
      vault: deps.vault,
      openBrowser: deps.openBrowser,
      ...(deps.openSignInWindow ? { openSignInWindow: deps.openSignInWindow } : {}),
      now: deps.now,
      pages: deps.loopbackPages,
      // The new token is stored in the profile's token turn, and the older line's access tokens forgotten with it.
      storeInTurn: (profileId, save) => createdTokens.storeNewLine(profileId, save),
      afterKeyVaultWrite,
      onOutcome: (outcome) => void health.recordConsent(outcome),
    }),
    tokens: createdTokens,
    health,
    audit,
    partnerCenter: createPartnerCenterData({ userDataDirectory: deps.userDataDirectory, vault: deps.vault, tokens: createdTokens, getProfile, now: deps.now, defaultLanguage: deps.language ?? 'en' }),
  };
}
