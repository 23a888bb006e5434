import { create } from 'zustand';
import type { AppInfo } from '../../../shared/ipc/contract';
import { errorCodeOf, type IpcErrorCode } from '../../../shared/ipc/errors';
import { samDesk } from '../bridge/install-bridge';
import { followMainClock } from '../clock/main-clock';

interface AppState {
  readonly info: AppInfo | null;
  readonly online: boolean | null;
  readonly error: IpcErrorCode | null;
  readonly load: () => Promise<void>;
  /** Subscribes to connectivity changes; returns the unsubscribe function. */
  readonly watchConnectivity: () => () => void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  online: null,
  error: null,
  async load() {
    try {
      const info = await samDesk().app.info({});
      followMainClock(info.now);
      set({ info, online: info.online, error: null });
    } catch (error) {
      set({ error: errorCodeOf(error) });
    }
  },
  watchConnectivity: () => samDesk().app.onConnectivity(({ online }) => set({ online })),
}));

export const selectInfo = (state: AppState): AppInfo | null => state.info;
export const selectOnline = (state: AppState): boolean | null => state.online;
