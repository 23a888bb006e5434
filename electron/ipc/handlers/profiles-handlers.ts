import type { HandlerTable } from '../handler-table';
import type { EventBus } from '../event-bus';
import { classifyError } from '../../services/sam/classify-error';
import { isProfileError } from '../../services/profiles/profile-errors';
import type { SaveResult } from '../../services/profiles/profile-service';
import type { SamDeskServices } from '../../services/sam-desk-services';

type SamHandlers = Pick<
  HandlerTable,
  'profiles.list' | 'profiles.create' | 'profiles.update' | 'profiles.duplicate' | 'profiles.remove' | 'profiles.export' | 'profiles.import' | 'consent.start' | 'consent.cancel' | 'keyVault.retry' | 'tokens.acquire'
>;

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

/**
 * The profile, consent and token methods. Consent runs in the background and reports each step as a
 * `consent.progress` event; tokens.acquire returns metadata only — the access token itself never leaves main.
 */
export function createSamHandlers(services: SamDeskServices, bus: EventBus): SamHandlers {
  const failure = (error: unknown) => {
    const mapped = classifyError(error);
    return { ok: false as const, error: mapped.code, detail: mapped.detail };
  };
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
    'consent.start': async ({ profileId, prompt, loginHint, openBrowser, inAppWindow }) => {
      if (services.consent.isRunning(profileId)) return { ok: false, error: 'consent-in-progress', detail: {} };
      try {
        await services.getProfile(profileId);
      } catch (error) {
        return failure(error);
      }
      // The consent outlives this call: the window follows it through consent.progress events.
      void services.consent
        .consent(profileId, {
          ...(prompt ? { prompt } : {}),
          ...(loginHint ? { loginHint } : {}),
          openBrowser,
          ...(inAppWindow ? { inAppWindow } : {}),
          // A success has already forgotten the older line's access tokens (in the token turn that stored the new one).
          onProgress: (progress) => bus.emit('consent.progress', progress),
        })
        .catch(() => undefined);
      return { ok: true };
    },
    'consent.cancel': async ({ profileId }) => ({ cancelled: services.consent.cancel(profileId) }),
    'keyVault.retry': async ({ profileId }) => {
      try {
        return { ok: true, version: await services.retryKeyVault(profileId) };
      } catch (error) {
        return failure(error);
      }
    },
    'tokens.acquire': async ({ profileId, resource }) => {
      try {
        const token = await services.tokens.acquire(profileId, resource ? { resource } : {});
        return { ok: true, expiresAt: token.expiresOn.toISOString(), scopes: [...token.scopes], refreshedFrom: token.refreshedFrom, saved: token.saved };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
