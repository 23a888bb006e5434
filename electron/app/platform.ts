import { shell } from 'electron';
import { isAllowedExternalUrl } from '../security/external-links';

/** Electron implementations of the platform ports services receive. */
export const electronPlatform = {
  /** The single opener for external addresses; refuses anything off the allow-list. */
  openExternal: async (url: string): Promise<boolean> => {
    if (!isAllowedExternalUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  },
};
