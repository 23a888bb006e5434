import { app, type BrowserWindow } from 'electron';
import type { Composition } from '../compose';
import { DEEP_LINK_SCHEME, deepLinkInArguments, parseDeepLink, type DeepLink } from '../services/deep-link';
import type { SamDeskServices } from '../services/sam-desk-services';

/**
 * Registers SAM Desk as the handler of sam-desk:// links and acts on them: the single instance is brought forward,
 * the named profile is shown, and its consent starts (the admin still signs in with MFA). macOS delivers links as
 * `open-url`; Windows and Linux start a second instance whose arguments carry the link.
 */
export function handleDeepLinks(composition: Composition, services: SamDeskServices, window: () => BrowserWindow | null): void {
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  const act = async (link: DeepLink | null): Promise<void> => {
    if (!link) return;
    const current = window();
    if (current) {
      if (current.isMinimized()) current.restore();
      current.focus();
    }
    const { profiles } = await services.profiles.list();
    const profile = profiles.find((candidate) => candidate.id === link.profile) ?? profiles.find((candidate) => candidate.displayName.toLowerCase() === link.profile.toLowerCase());
    if (!profile) return;
    composition.bus.emit('profiles.focus', { profileId: profile.id });
    await composition.dispatch('consent.start', { profileId: profile.id, openBrowser: true });
  };

  app.on('second-instance', (_event, argv) => void act(deepLinkInArguments(argv)));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    void act(parseDeepLink(url));
  });
  void act(deepLinkInArguments(process.argv));
}
