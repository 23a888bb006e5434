/** The parts of the main BrowserWindow the deep-link logic needs. */
export interface WindowLike {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface MainWindowControl {
  /** The main window, or null before it is built and after it was closed. */
  current(): WindowLike | null;
  /**
   * Builds the main window again. Only macOS keeps running with no window, so that is where this matters; before
   * the app is ready it does nothing, because the first window is already on its way.
   */
  reopen(): void;
}

/** Brings the admin's attention to SAM Desk: the existing window restored and focused, or a new one if it was closed. */
export function presentMainWindow(window: MainWindowControl): void {
  const current = window.current();
  if (!current) {
    window.reopen();
    return;
  }
  if (current.isMinimized()) current.restore();
  current.show();
  current.focus();
}
