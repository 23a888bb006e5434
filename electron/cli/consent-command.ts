import { createTranslator } from '../../shared/i18n/translator';
import { envLanguage } from '../services/env-language';
import { SamError } from '../services/sam/sam-error';
import { reportFailure } from './cli-failure';
import { EXIT_FAILED, EXIT_OK, type CliIo } from './cli-io';
import type { ParsedArguments } from './parse-arguments';
import { requireProfile } from './resolve-profile';
import { terminalSafe, terminalSafeJson } from './terminal-safe';

export const consentFlags = new Set(['profile', 'no-browser', 'select-account', 'login-hint', 'json']);

/**
 * `sam-desk consent --profile=P`: the consent (or reconsent) flow from a terminal. Prints the sign-in link (and
 * opens the browser unless --no-browser), reports each step on stderr, and ends with what was saved where.
 */
export async function consentCommand(args: ParsedArguments, io: CliIo): Promise<number> {
  const { t } = createTranslator(envLanguage(io.env));
  const services = await io.services();
  try {
    const profile = await requireProfile(args, io, t, 'consent');
    if (typeof profile === 'number') return profile;
    const loginHint = args.flags.get('login-hint');
    const outcome = await services.consent.consent(profile.id, {
      ...(args.flags.has('select-account') ? { prompt: 'select_account' as const } : {}),
      ...(typeof loginHint === 'string' ? { loginHint } : {}),
      openBrowser: !args.flags.has('no-browser'),
      onProgress: (progress) => {
        if (progress.state !== 'step') return;
        if (progress.signInUrl) io.err(`${t('commands.signInLink')}\n${progress.signInUrl}\n`);
        io.err(`… ${t(`sam.steps.${progress.step}`)}\n`);
      },
    });
    if (outcome.state === 'failed') return reportFailure(io, t, 'consent', new SamError(outcome.error, outcome.detail));
    if (outcome.state !== 'succeeded') return EXIT_FAILED;
    if (args.flags.has('json')) io.out(`${terminalSafeJson({ summary: outcome.summary, saved: outcome.saved })}\n`);
    else {
      io.out(
        `${terminalSafe(
          t('commands.succeeded', {
            user: outcome.summary.user ?? '—',
            keyVault: t(`sam.store.${outcome.saved.keyVault.status}`),
            keychain: t(`sam.store.${outcome.saved.keychain.status}`),
          }),
        )}\n`,
      );
    }
    return outcome.saved.keyVaultRetryPending ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    return reportFailure(io, t, 'consent', error);
  }
}
