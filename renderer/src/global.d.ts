import type { SamDeskApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Provided by the Electron preload, or by the browser-mode client before the app renders. */
    samDesk?: SamDeskApi;
  }
}
