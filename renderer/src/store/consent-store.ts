import { create } from 'zustand';
import type { ConsentProgressPayload } from '../../../shared/ipc/sam-contract';
import { errorCodeOf, type IpcErrorCode } from '../../../shared/ipc/errors';
import type { SamErrorCode } from '../../../shared/sam/error-codes';
import { samDesk } from '../bridge/install-bridge';
import { useProfilesStore } from './profiles-store';
import { useTokenStore } from './token-store';

export type ConsentStep = Extract<ConsentProgressPayload, { state: 'step' }>['step'];
export type ConsentSucceeded = Extract<ConsentProgressPayload, { state: 'succeeded' }>;
export type SamDetail = Readonly<Record<string, string | number>>;

/** One profile's consent as the window follows it: from the click, through each step, to its outcome. */
export type ConsentRun =
  | { readonly phase: 'starting' }
  | { readonly phase: 'running'; readonly seen: readonly ConsentStep[]; readonly signInUrl: string | null }
  | { readonly phase: 'succeeded'; readonly summary: ConsentSucceeded['summary']; readonly saved: ConsentSucceeded['saved'] }
  | { readonly phase: 'failed'; readonly error: SamErrorCode; readonly detail: SamDetail }
  /** The request itself did not reach main or was refused there (no consent ran). */
  | { readonly phase: 'unavailable'; readonly code: IpcErrorCode };

interface ConsentState {
  /** Whether SAM Desk opens the sign-in page itself; off to copy the link into another browser. */
  readonly openBrowser: boolean;
  readonly runs: Readonly<Record<string, ConsentRun>>;
  readonly setOpenBrowser: (openBrowser: boolean) => void;
  readonly start: (profileId: string) => Promise<void>;
  readonly cancel: (profileId: string) => Promise<void>;
  /** Follows consent.progress events for every profile; returns the unsubscribe function. */
  readonly watch: () => () => void;
}

export function isConsentActive(run: ConsentRun | undefined): boolean {
  return run?.phase === 'starting' || run?.phase === 'running';
}

function advance(previous: ConsentRun | undefined, event: ConsentProgressPayload): ConsentRun {
  switch (event.state) {
    case 'step': {
      const seen = previous?.phase === 'running' ? previous.seen : [];
      const signInUrl = event.signInUrl ?? (previous?.phase === 'running' ? previous.signInUrl : null);
      return { phase: 'running', seen: seen.includes(event.step) ? seen : [...seen, event.step], signInUrl };
    }
    case 'succeeded':
      return { phase: 'succeeded', summary: event.summary, saved: event.saved };
    case 'failed':
      return { phase: 'failed', error: event.error, detail: event.detail };
  }
}

export const useConsentStore = create<ConsentState>()((set, get) => {
  const put = (profileId: string, run: ConsentRun): void => set({ runs: { ...get().runs, [profileId]: run } });

  return {
    openBrowser: true,
    runs: {},

    setOpenBrowser(openBrowser) {
      set({ openBrowser });
    },

    async start(profileId) {
      if (isConsentActive(get().runs[profileId])) return;
      put(profileId, { phase: 'starting' });
      try {
        const response = await samDesk().consent.start({ profileId, openBrowser: get().openBrowser });
        // Success only means it started: the steps and the outcome arrive as consent.progress events.
        if (!response.ok) put(profileId, { phase: 'failed', error: response.error, detail: response.detail });
      } catch (error) {
        put(profileId, { phase: 'unavailable', code: errorCodeOf(error) });
      }
    },

    async cancel(profileId) {
      try {
        const { cancelled } = await samDesk().consent.cancel({ profileId });
        // Nothing was running in main (it ended meanwhile, or never began): stop waiting here too.
        if (!cancelled && isConsentActive(get().runs[profileId])) put(profileId, { phase: 'failed', error: 'consent-cancelled', detail: {} });
      } catch (error) {
        put(profileId, { phase: 'unavailable', code: errorCodeOf(error) });
      }
    },

    watch() {
      return samDesk().consent.onProgress((event) => {
        put(event.profileId, advance(get().runs[event.profileId], event));
        // A finished consent changes what the keychain holds for the profile (hasRefreshToken).
        if (event.state !== 'step') void useProfilesStore.getState().load();
        // An earlier "no refresh token" (or the like) is out of date once a new one is saved.
        if (event.state === 'succeeded') useTokenStore.getState().clear(event.profileId);
      });
    },
  };
});
