import { app } from 'electron';
import type { Composition } from '../compose';
import type { DeepLinkRouter, DeepLinkTarget } from '../services/app-instance/deep-link-router';
import type { MainWindowControl } from '../services/app-instance/main-window';
import { claimSingleInstance } from '../services/app-instance/single-instance';
import type { Logger } from '../services/logger';
import type { SamDeskServices } from '../services/sam-desk-services';

/**
 * Electron's side of single instance and sam-desk:// links; the behaviour lives in services/app-instance/. Call
 * `claimAppInstance` at the top of the main module, before `ready`: it returns null in a second instance, which is
 * quitting. Attach `deepLinkTarget` once the app is composed; links are routed once the main window has loaded.
 */
export function claimAppInstance(window: MainWindowControl, logger: Logger): DeepLinkRouter | null {
  return claimSingleInstance({ app, launch: process, window, logger });
}

/** Acting on a link: show the named profile in the window and start its consent in the system browser. */
export function deepLinkTarget(composition: Composition, services: SamDeskServices): DeepLinkTarget {
  return {
    listProfiles: async () => (await services.profiles.list()).profiles,
    focusProfile: (profileId) => composition.bus.emit('profiles.focus', { profileId }),
    // A consent already under way answers consent-in-progress; the window shows the consent's progress either way.
    startConsent: async (profileId) => {
      await composition.dispatch('consent.start', { profileId, openBrowser: true });
    },
  };
}
