import type { DeepLink } from '../deep-link';
import type { Logger } from '../logger';
import { matchProfile, type ProfileReference } from './profile-match';

/** What acting on a link needs from the composed app; it exists only once the app is ready. */
export interface DeepLinkTarget {
  listProfiles(): Promise<readonly ProfileReference[]>;
  /** Asks the window to show the profile (the `profiles.focus` event). */
  focusProfile(profileId: string): void;
  /** Starts the profile's consent; the admin still signs in, with MFA, in the browser. */
  startConsent(profileId: string): Promise<void>;
}

export interface DeepLinkRouterOptions {
  /** Brings the window forward (or reopens it); called for every delivery, link or not. */
  readonly present: () => void;
  readonly logger: Logger;
  /** Milliseconds; injectable so tests can step past the duplicate window. */
  readonly now?: () => number;
  readonly duplicateWindowMs?: number;
}

/**
 * Some shells deliver one click twice (as a command-line argument and as `open-url`, or by retrying a launch); the
 * second copy within this window is dropped rather than started as a second consent.
 */
export const DUPLICATE_WINDOW_MS = 2_000;
/** Links held before the window is ready; a program flooding the scheme at launch cannot grow this without bound. */
export const MAX_PENDING_LINKS = 8;

/**
 * Receives sam-desk:// links however the platform delivers them and acts on them in order, but only once there is
 * something to act with: the composed app (attached at `ready`) and a window that has finished loading, so the
 * window is listening when `profiles.focus` is emitted. Until then links are held. A closed window holds them again
 * until its successor has loaded.
 */
export class DeepLinkRouter {
  readonly #options: DeepLinkRouterOptions;
  readonly #now: () => number;
  readonly #duplicateWindowMs: number;
  readonly #pending: DeepLink[] = [];
  readonly #lastSeen = new Map<string, number>();
  #target: DeepLinkTarget | null = null;
  #windowLoaded = false;
  #routing: Promise<void> = Promise.resolve();

  constructor(options: DeepLinkRouterOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#duplicateWindowMs = options.duplicateWindowMs ?? DUPLICATE_WINDOW_MS;
  }

  /** A delivery: a valid link, or null for a launch without one (or with a refused one), which only presents the window. */
  receive(link: DeepLink | null): void {
    this.#options.present();
    if (!link || this.#isDuplicate(link)) return;
    if (this.#pending.length >= MAX_PENDING_LINKS) {
      this.#options.logger.warn('deep-link.dropped', { action: link.action, reason: 'too-many-pending' });
      return;
    }
    this.#pending.push(link);
    this.#drain();
  }

  /** The composed app is there to act with (called once, at `ready`). */
  attach(target: DeepLinkTarget): void {
    this.#target = target;
    this.#drain();
  }

  /** The main window's page has loaded (`did-stop-loading`): held links are routed now. */
  windowReady(): void {
    this.#windowLoaded = true;
    this.#drain();
  }

  /**
   * The main window has no loaded page: it closed (macOS keeps running) or its page started loading again (a reload).
   * Links are held until a page has loaded.
   */
  windowUnloaded(): void {
    this.#windowLoaded = false;
  }

  /** Settles once every link handed on for routing so far has been acted on. */
  settled(): Promise<void> {
    return this.#routing;
  }

  #isDuplicate(link: DeepLink): boolean {
    const now = this.#now();
    for (const [key, seenAt] of this.#lastSeen) if (now - seenAt >= this.#duplicateWindowMs) this.#lastSeen.delete(key);
    // consent and reconsent start the same flow, so they count as the same link.
    const key = link.profile.toLowerCase();
    if (this.#lastSeen.has(key)) {
      this.#options.logger.info('deep-link.duplicate', { action: link.action });
      return true;
    }
    this.#lastSeen.set(key, now);
    return false;
  }

  #drain(): void {
    const target = this.#target;
    if (!target || !this.#windowLoaded) return;
    for (const link of this.#pending.splice(0)) this.#routing = this.#routing.then(() => this.#route(link, target));
  }

  async #route(link: DeepLink, target: DeepLinkTarget): Promise<void> {
    const { logger } = this.#options;
    try {
      const match = matchProfile(await target.listProfiles(), link.profile);
      if (match.kind !== 'one') {
        // The window is already forward; the profile reference itself is not logged (a display name may be telling).
        logger.warn('deep-link.no-profile', { action: link.action, matched: match.kind });
        return;
      }
      target.focusProfile(match.profile.id);
      await target.startConsent(match.profile.id);
      logger.info('deep-link.routed', { action: link.action, profileId: match.profile.id });
    } catch (error) {
      // One failing link must not stop the ones after it.
      logger.error('deep-link.failed', { action: link.action, error: error instanceof Error ? error.name : typeof error });
    }
  }
}
