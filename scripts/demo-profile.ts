import type { LocalCloud } from '../emulators/local-cloud';
import type { Profile, ProfileInput } from '../shared/profiles/profile';
import { localCloudProfile } from '../emulators/testing/profile-input';
import { createSamDeskServices } from '../electron/services/sam-desk-services';
import { createKeychain } from '../electron/services/secrets/keychain';

export const DEMO_PROFILE_NAME = 'Contoso Partner (demo)';

/**
 * The ready profile `npm run demo` gives a new user: the seeded partner in the local Microsoft cloud, its app's
 * client secret in the OS keychain, the refresh token going to the local Key Vault and the keychain. Created once
 * per settings folder; an existing one is left as it is, except that one made before the local cloud had Microsoft
 * Graph is given Graph's URL, with the app's secret entered again as any new endpoint needs (its refresh token, bound
 * to the endpoints without Graph, then waits for a new consent).
 */
export async function ensureDemoProfile(cloud: LocalCloud, userDataDirectory: string): Promise<'created' | 'exists'> {
  const services = createSamDeskServices({
    userDataDirectory,
    vault: createKeychain(),
    openBrowser: () => undefined,
    now: () => new Date(),
    loopbackPages: { success: '', failure: '' },
  });
  const { profiles } = await services.profiles.list();
  const existing = profiles.find((profile) => profile.displayName === DEMO_PROFILE_NAME);
  const { input, secrets } = localCloudProfile(cloud, { displayName: DEMO_PROFILE_NAME, keyVaultSecret: 'PartnerCenterRefreshToken' });
  if (existing) {
    if (existing.cloud.kind === 'custom' && existing.cloud.graphUrl === undefined) {
      await services.profiles.update(existing.id, { ...inputOf(existing), cloud: { ...existing.cloud, graphUrl: cloud.endpoints.graph } }, secrets);
    }
    return 'exists';
  }
  const result = await services.profiles.create(input, secrets);
  if (!result.ok) throw new Error(`the demo profile was refused: ${result.errors.map((error) => error.field).join(', ')}`);
  return 'created';
}

/** The editable fields of a saved profile, as profiles.update takes them. */
function inputOf(profile: Profile): ProfileInput {
  return { displayName: profile.displayName, tenant: profile.tenant, clientId: profile.clientId, credential: profile.credential, keyVault: profile.keyVault, keychain: profile.keychain, redirectPort: profile.redirectPort, cloud: profile.cloud };
}
