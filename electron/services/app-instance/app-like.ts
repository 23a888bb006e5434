/**
 * The parts of Electron's `app` and `process` that the single-instance and deep-link logic use, so that logic runs
 * in plain Node (and in tests, against a stand-in). Electron's own `app` and `process` satisfy these as they are.
 */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface AppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  /** Windows and Linux: a second launch (e.g. a clicked sam-desk:// link) hands its command line to this instance. */
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  /** macOS: a link opened with the app as its handler, including the one that launched it (before `ready`). */
  on(event: 'open-url', listener: (event: PreventableEvent, url: string) => void): unknown;
}

export interface LaunchProcess {
  readonly argv: readonly string[];
  readonly execPath: string;
  /** Set when the app runs unpackaged, as `electron <entry>` (development and the test harness). */
  readonly defaultApp?: boolean;
}
