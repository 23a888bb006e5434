import { create } from 'zustand';
import type { MethodResponse } from '../../../shared/ipc/contract';
import { errorCodeOf, type IpcErrorCode } from '../../../shared/ipc/errors';
import { samDesk } from '../bridge/install-bridge';
import { useProfilesStore } from './profiles-store';

type Acquired = Extract<MethodResponse<'tokens.acquire'>, { ok: true }>;
type Failed = Extract<MethodResponse<'tokens.acquire'>, { ok: false }>;

/** The last "Get access token" of one profile: only metadata, the token itself never leaves main. */
export type TokenRun =
  | { readonly phase: 'working' }
  | ({ readonly phase: 'succeeded' } & Omit<Acquired, 'ok'>)
  | ({ readonly phase: 'failed' } & Omit<Failed, 'ok'>)
  | { readonly phase: 'unavailable'; readonly code: IpcErrorCode };

interface TokenState {
  readonly runs: Readonly<Record<string, TokenRun>>;
  readonly acquire: (profileId: string) => Promise<void>;
  readonly clear: (profileId: string) => void;
}

export const useTokenStore = create<TokenState>()((set, get) => {
  const put = (profileId: string, run: TokenRun): void => set({ runs: { ...get().runs, [profileId]: run } });
  return {
    runs: {},
    async acquire(profileId) {
      if (get().runs[profileId]?.phase === 'working') return;
      put(profileId, { phase: 'working' });
      try {
        const response = await samDesk().tokens.acquire({ profileId });
        if (response.ok) {
          put(profileId, { phase: 'succeeded', expiresAt: response.expiresAt, scopes: response.scopes, refreshedFrom: response.refreshedFrom, saved: response.saved });
        } else {
          put(profileId, { phase: 'failed', error: response.error, detail: response.detail });
        }
      } catch (error) {
        put(profileId, { phase: 'unavailable', code: errorCodeOf(error) });
      }
      // Redeeming may rotate the refresh token into the keychain, or find none there.
      void useProfilesStore.getState().load();
    },
    clear(profileId) {
      set({ runs: Object.fromEntries(Object.entries(get().runs).filter(([id]) => id !== profileId)) });
    },
  };
});
