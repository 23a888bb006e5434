import { createTranslator } from '../../shared/i18n/translator';
import { inspectToken } from '../../shared/inspector/inspect';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './cli-io';
import { envLanguage } from '../services/env-language';
import type { ParsedArguments } from './parse-arguments';
import { toInspectionJson } from './render-inspection-json';
import { renderInspectionText } from './render-inspection-text';
import { terminalSafe, terminalSafeJson } from './terminal-safe';

export const inspectFlags = new Set(['json', 'lang']);

/**
 * `sam-desk inspect [TOKEN|-] [--json] [--lang=en|sv]`: the app's offline token inspector for scripts.
 * Exit 0 when the input was read as a token of any kind, 2 when it was not (one line on stderr says why).
 */
export async function inspectCommand(args: ParsedArguments, io: CliIo): Promise<number> {
  const lang = args.flags.get('lang');
  const json = args.flags.has('json');
  // JSON messages are English unless asked otherwise, so scripts see the same text on every machine.
  const language = typeof lang === 'string' ? lang : json ? 'en' : envLanguage(io.env);
  const { t, language: resolved } = createTranslator(language);

  if (args.positionals.length > 1) {
    io.err(`sam-desk inspect: ${t('cli.tooManyArguments')}\n`);
    return EXIT_UNREADABLE;
  }
  const [given] = args.positionals;
  if (given === undefined && io.stdinIsTty) {
    io.err(`sam-desk inspect: ${t('cli.noInput')}\n`);
    return EXIT_UNREADABLE;
  }
  const input = given === undefined || given === '-' ? await io.readStdin() : given;
  const now = io.now();
  const inspection = inspectToken(input, now);

  if (json) io.out(`${terminalSafeJson(toInspectionJson(inspection, t))}\n`);
  else if (inspection.kind !== 'invalid') io.out(renderInspectionText(inspection, t, resolved, now));
  if (inspection.kind === 'invalid') {
    const reason = inspection.problem ? t(inspection.problem.messageKey, inspection.problem.params) : t('inspector.kinds.invalid');
    io.err(`${terminalSafe(`sam-desk inspect: ${reason}`)}\n`);
    return EXIT_UNREADABLE;
  }
  return EXIT_OK;
}
