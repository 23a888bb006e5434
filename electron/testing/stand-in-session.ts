import type { SessionLike } from '../security/session-guards';

type PermissionRequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0];
type DownloadListener = Parameters<SessionLike['on']>[1];

/**
 * A stand-in for an Electron Session where no Electron binary runs: it records the handlers the guards install and
 * fires them as Electron would. Without a handler it grants, as Electron's own default does.
 */
export class StandInSession implements SessionLike {
  private permissionRequest: PermissionRequestHandler | null = null;
  private permissionCheck: PermissionCheckHandler | null = null;
  private devicePermission: (() => boolean) | null = null;
  private readonly downloadListeners: DownloadListener[] = [];

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermission = handler;
  }
  on(_event: 'will-download', listener: DownloadListener): void {
    this.downloadListeners.push(listener);
  }

  /** Whether a page's request for `permission` is granted. */
  requests(permission: string): boolean {
    let granted = true;
    this.permissionRequest?.({}, permission, (answer) => (granted = answer));
    return granted;
  }
  /** Whether a page's check of `permission` says granted. */
  checks(permission: string): boolean {
    return this.permissionCheck?.({}, permission) ?? true;
  }
  grantsDevice(): boolean {
    return this.devicePermission?.() ?? true;
  }
  /** Whether a download of `url` would go ahead (Electron then shows its save dialog). */
  downloads(url: string): boolean {
    let prevented = false;
    for (const listener of this.downloadListeners) listener({ preventDefault: () => (prevented = true) }, { getURL: () => url });
    return !prevented;
  }
}
