import { resolve } from 'node:path';
import { DEEP_LINK_SCHEME } from '../deep-link';
import type { AppLike, LaunchProcess } from './app-like';

/**
 * Makes this app the handler of sam-desk:// links. Packaged, the OS starts the app's own executable, so the scheme
 * alone is enough. Unpackaged (`electron <entry>`), the OS must start Electron with the entry as its argument, given
 * as an absolute path because the link may be opened from any working directory.
 *
 * On Linux the packaged registration that counts is the .desktop file the installer writes (electron-builder's
 * `protocols` become `MimeType=x-scheme-handler/sam-desk`); the call below then only repeats it through xdg-settings,
 * which is harmless where that tool is missing or refuses.
 */
export function registerProtocolClient(app: AppLike, launch: LaunchProcess): void {
  const entry = launch.argv[1];
  if (launch.defaultApp === true && entry !== undefined) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, launch.execPath, [resolve(entry)]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}
