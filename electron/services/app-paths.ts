import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where SAM Desk keeps its settings: the same folder Electron's app.getPath('userData') gives the desktop app, so
 * the CLI and browser mode see the same profiles. SAM_DESK_HOME overrides it (tests, portable setups).
 */
export function userDataDirectory(env: Readonly<Record<string, string | undefined>> = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SAM_DESK_HOME) return env.SAM_DESK_HOME;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'SAM Desk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'SAM Desk');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'SAM Desk');
}
