import type { TFunction } from 'i18next';
import { classifyError } from '../services/sam/classify-error';
import { EXIT_FAILED, type CliIo } from './cli-io';

/** Prints why an operation failed, as one line with its remedy, and returns the failure exit code. */
export function reportFailure(io: CliIo, t: TFunction, command: string, error: unknown): number {
  const { code, detail } = classifyError(error);
  const message = t(`sam.errors.${code}.message`, { ...detail, user: detail.user ?? '—', port: detail.port ?? '—' });
  const remedy = t(`sam.errors.${code}.remedy`, { ...detail, port: detail.port ?? '8400' });
  io.err(`sam-desk ${command}: [${code}] ${t('commands.failed', { message, remedy })}\n`);
  return EXIT_FAILED;
}
