import type { HandlersOf } from '../handler-table';
import { failure } from './failure';
import type { HandlerDeps } from './handler-deps';

/** Consent runs in the background and reports each step as a `consent.progress` event. */
export function createConsentHandlers({ services, bus }: HandlerDeps): HandlersOf<'consent'> {
  return {
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
  };
}
