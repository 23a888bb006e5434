import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '../emulators/local-cloud';
import { driveSignIn } from '../emulators/testing/sign-in-driver';
import { createSamDeskServices, type SamDeskServices } from '../electron/services/sam-desk-services';
import { createKeychain } from '../electron/services/secrets/keychain';
import { secretAccounts } from '../electron/services/secrets/secret-vault';
import { localCloudProfile } from '../emulators/testing/profile-input';

/**
 * A connection profile consented with MFA against the local cloud, made without any window: the app's own services
 * on a fresh settings folder and the OS keychain under the app's service name, so a SAM Desk launched afterwards with
 * SAM_DESK_HOME set to `home` (in the same keychain session) finds the profile and its refresh token as its own.
 */
export interface ConsentedProfile {
  readonly home: string;
  readonly profileId: string;
  readonly displayName: string;
  readonly services: SamDeskServices;
  /** Removes the profile's keychain items and cache files, then the settings folder. Safe to call twice. */
  remove(): Promise<void>;
}

export const BENCH_PROFILE_NAME = 'Bench partner';

export async function createConsentedProfile(cloud: LocalCloud): Promise<ConsentedProfile> {
  const home = mkdtempSync(join(tmpdir(), 'sam-desk-bench-'));
  const vault = createKeychain();
  const admin = cloud.state.world.admins.find((user) => user.mfaRegistered);
  if (!admin) throw new Error('the local cloud has no MFA admin');
  const services = createSamDeskServices({
    userDataDirectory: home,
    vault,
    // The emulator's sign-in pages, walked over HTTP as a browser would; the redirect lands on the consent's loopback listener.
    openBrowser: (url) =>
      void driveSignIn(url, { userPrincipalName: admin.userPrincipalName, password: admin.password, mfaCode: admin.mfaCode }).then(({ redirectedTo }) => fetch(redirectedTo).catch(() => undefined)),
    now: () => new Date(),
    loopbackPages: { success: 'ok', failure: 'failed' },
    language: 'en',
  });
  const { input, secrets } = localCloudProfile(cloud, { displayName: BENCH_PROFILE_NAME });
  const created = await services.profiles.create(input, secrets);
  if (!created.ok) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`the bench profile was refused: ${JSON.stringify(created.errors)}`);
  }
  const profileId = created.profile.id;
  let removed = false;
  const remove = async (): Promise<void> => {
    if (removed) return;
    removed = true;
    await services.tokens.forget(profileId);
    // Item by item, so a keychain that refuses one still loses the others.
    for (const account of Object.values(secretAccounts)) await vault.delete(account(profileId)).catch(() => false);
    await services.partnerCenter.forgetProfile(profileId);
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const outcome = await services.consent.consent(profileId, { openBrowser: true });
    if (outcome.state !== 'succeeded') throw new Error(`the bench profile's consent ended ${outcome.state === 'failed' ? `with ${outcome.error}` : 'unfinished'}`);
  } catch (error) {
    await remove();
    throw error;
  }
  return { home, profileId, displayName: BENCH_PROFILE_NAME, services, remove };
}
