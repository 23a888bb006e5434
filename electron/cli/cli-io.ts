/** What a command needs from the process, passed in so commands can be tested without spawning one. */
export interface CliIo {
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
