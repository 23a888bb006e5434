import type { Logger } from './logger';

/**
 * What happens to an error nothing caught, in the desktop app and browser mode. Node would print it with its
 * message and stack and Electron would show both in a dialog — and an exception's message can carry whatever a
 * library put there, a token included. Instead only its kind is logged, through the redacting logger, and the
 * process ends with a code of its own: a crash that leaves nothing readable behind but what SAM Desk chose to say.
 */
export const UNCAUGHT_EXIT_CODE = 70;

interface ProcessLike {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exit(code: number): void;
}

export function installCrashGuard(target: ProcessLike, logger: Logger): void {
  const kind = (error: unknown): { name: string; code: string } => ({
    name: error instanceof Error ? error.name : typeof error,
    code: typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : '',
  });
  target.on('uncaughtException', (error) => {
    logger.error('process.uncaught-exception', kind(error));
    target.exit(UNCAUGHT_EXIT_CODE);
  });
  // A forgotten promise is a bug to log, not a reason to take the admin's window away.
  target.on('unhandledRejection', (error) => logger.error('process.unhandled-rejection', kind(error)));
}
