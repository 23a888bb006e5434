import { randomUUID } from 'node:crypto';

/**
 * What each Electron session the app creates may do, applied once per session. Electron-free (the shell passes its
 * Session, tests a stand-in) so the rules are tested where no Electron binary runs.
 *
 * - The app's own session (the main window): every permission refused except writing plain text to the clipboard
 *   (the Copy buttons), no device, and no download but the window's own CSV exports.
 * - Each sign-in session (the in-app sign-in window, one in-memory partition per sign-in): nothing at all. Its
 *   pages are Entra's, a federated identity provider's, or any https page a navigation reaches; none of them has a
 *   reason to use the camera, read the clipboard or drop a file on the admin's disk.
 */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: { getURL(): string }) => void): void;
}

export interface SessionPolicy {
  readonly name: 'app' | 'sign-in';
  /** Granted on request and on check; everything else is refused. */
  readonly permissions: ReadonlySet<string>;
  readonly mayDownload: (url: string) => boolean;
}

/** The main window's session; `isOwnDownload` names the page's own exports (blob: URLs of app://sam-desk). */
export function appSessionPolicy(isOwnDownload: (url: string) => boolean): SessionPolicy {
  return { name: 'app', permissions: new Set(['clipboard-sanitized-write']), mayDownload: isOwnDownload };
}

export const signInSessionPolicy: SessionPolicy = { name: 'sign-in', permissions: new Set(), mayDownload: () => false };

const guarded = new WeakMap<SessionLike, SessionPolicy['name']>();

/**
 * Applies `policy` to `session`, once: a session already guarded keeps its first policy (a sign-in session is
 * guarded before its window exists, and the lock-down every new web contents gets must not loosen it). Returns the
 * policy the session is under.
 */
export function guardSession(session: SessionLike, policy: SessionPolicy): SessionPolicy['name'] {
  const existing = guarded.get(session);
  if (existing) return existing;
  guarded.set(session, policy.name);
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(policy.permissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => policy.permissions.has(permission));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    if (!policy.mayDownload(item.getURL())) event.preventDefault();
  });
  return policy.name;
}

/** A sign-in window's partition: new for every sign-in, and without `persist:`, so it lives in memory only. */
export function signInPartition(): string {
  return `sign-in-${randomUUID()}`;
}
