import type { SamDeskServices } from '../services/sam-desk-services';

/** What a command needs from the process, passed in so commands can be tested without spawning one. */
export interface CliIo {
  /** Profiles, consent and tokens over the real settings folder and keychain; made on first use. */
  services(): Promise<SamDeskServices>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdinIsTty: boolean;
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  now(): Date;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_UNREADABLE = 2;
/** The operation itself failed (consent refused, token expired, Key Vault denied): the code and remedy are on stderr. */
export const EXIT_FAILED = 3;
