import { pickLanguage, type Language } from '../../shared/i18n/languages';

/** The language from the environment (CLI, loopback pages): SAM_DESK_LANG, then the POSIX locale variables in their order of precedence. */
export function envLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  const candidates = [env.SAM_DESK_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].filter((value): value is string => !!value && value !== 'C' && value !== 'POSIX');
  return pickLanguage(candidates);
}
