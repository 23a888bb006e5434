import { isProfileError } from '../../services/profiles/profile-errors';
import type { SaveResult } from '../../services/profiles/profile-service';
import type { HandlersOf } from '../handler-table';
import type { HandlerDeps } from './handler-deps';

/**
 * A settings file that cannot be written, a keychain that refuses, a profile that vanished: reported like a field
 * error on the whole profile, with the service's own message key, so the window can say what to do.
 */
type SaveAnswer = SaveResult | { readonly ok: false; readonly errors: ReadonlyArray<{ readonly field: string; readonly messageKey: string; readonly values: Readonly<Record<string, string | number>> }> };

async function asFieldErrors(save: () => Promise<SaveResult>): Promise<SaveAnswer> {
  try {
    return await save();
  } catch (error) {
    if (!isProfileError(error)) throw error;
    return { ok: false, errors: [{ field: 'profile', messageKey: error.messageKey, values: error.values }] };
  }
}

/** The profiles: listed with which secrets are stored, saved with field errors, removed with all they own. */
export function createProfilesHandlers({ services }: HandlerDeps): HandlersOf<'profiles'> {
  return {
    'profiles.list': async () => {
      const listing = await services.profiles.list();
      const profiles = await Promise.all(
        listing.profiles.map(async (profile) => {
          const stored = await services.profiles.storedSecrets(profile.id).catch(() => ({ clientSecret: false, refreshToken: false }));
          return { ...profile, hasClientSecret: stored.clientSecret, hasRefreshToken: stored.refreshToken };
        }),
      );
      return { profiles, damaged: listing.damaged };
    },
    'profiles.create': async ({ input, secrets }) => asFieldErrors(() => services.profiles.create(input, secrets)),
    'profiles.update': async ({ id, input, secrets }) => {
      const result = await asFieldErrors(() => services.profiles.update(id, input, secrets));
      if (result.ok) await services.tokens.forget(id);
      return result;
    },
    'profiles.duplicate': async ({ id }) => asFieldErrors(() => services.profiles.duplicate(id)),
    'profiles.remove': async ({ id }) => {
      services.consent.cancel(id);
      await services.tokens.forget(id);
      const removed = await services.profiles.remove(id);
      // Its offline Partner Center data goes with it (the cache key left the keychain with the profile's secrets).
      await services.partnerCenter.forgetProfile(id);
      await services.health.forget(id);
      return removed;
    },
    'profiles.export': async ({ ids }) => ({ json: await services.profiles.exportProfiles(ids) }),
    'profiles.import': async ({ json }) => services.profiles.importProfiles(json),
  };
}
