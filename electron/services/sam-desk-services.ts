import type { Language } from '../../shared/i18n/languages';
import type { Profile } from '../../shared/profiles/profile';
import { createPartnerCenterData, type PartnerCenterData } from './partner-center/partner-center-data';
import { createProfileFile } from './profiles/profile-file';
import { createProfileService, type ProfileService } from './profiles/profile-service';
import { createTenantResolver } from './profiles/tenant-resolver';
import { createConsentService, type ConsentService } from './sam/consent-service';
import { retryKeyVaultWrite } from './sam/key-vault-retry';
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
  getProfile(id: string): Promise<Profile>;
  /** Writes the keychain's copy of the refresh token to Key Vault after a failed write; returns the new version. */
  retryKeyVault(profileId: string): Promise<string>;
}

export interface SamDeskServicesDeps {
  readonly userDataDirectory: string;
  readonly vault: SecretVault;
  readonly openBrowser: (url: string) => void;
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
  const tokens = createTokenService({ getProfile, vault: deps.vault, now: deps.now });
  return {
    profiles,
    vault: deps.vault,
    getProfile,
    retryKeyVault: async (profileId) => retryKeyVaultWrite(await getProfile(profileId), deps.vault, deps.now()),
    consent: createConsentService({ getProfile, vault: deps.vault, openBrowser: deps.openBrowser, ...(deps.openSignInWindow ? { openSignInWindow: deps.openSignInWindow } : {}), now: deps.now, pages: deps.loopbackPages }),
    tokens,
    partnerCenter: createPartnerCenterData({ userDataDirectory: deps.userDataDirectory, vault: deps.vault, tokens, getProfile, now: deps.now, defaultLanguage: deps.language ?? 'en' }),
  };
}
