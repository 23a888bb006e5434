import { createTranslator } from '../../shared/i18n/translator';
import { EXIT_INTERNAL, EXIT_OK, EXIT_UNREADABLE, type CliIo } from './cli-io';
import { envLanguage } from '../services/env-language';
import { consentCommand, consentFlags } from './consent-command';
import { customersCommand, customersFlags } from './customers-command';
import { healthCommand, healthFlags } from './health-command';
import { keyVaultCommand, keyVaultFlags } from './keyvault-command';
import { refreshCommand, refreshFlags } from './refresh-command';
import { inspectCommand, inspectFlags } from './inspect-command';
import { profileCommand, profileCommandFlags } from './profile-command';
import { tokenCommand, tokenFlags } from './token-command';
import { parseArguments } from './parse-arguments';
import { terminalSafeOutput } from './terminal-safe';

interface Command {
  readonly flags: ReadonlySet<string>;
  run(args: Parameters<typeof inspectCommand>[0], io: CliIo): Promise<number>;
}

const commands: Readonly<Record<string, Command>> = {
  inspect: { flags: inspectFlags, run: inspectCommand },
  profile: { flags: profileCommandFlags, run: profileCommand },
  consent: { flags: consentFlags, run: consentCommand },
  token: { flags: tokenFlags, run: tokenCommand },
  customers: { flags: customersFlags, run: (args, io) => customersCommand('customers', args, io) },
  users: { flags: customersFlags, run: (args, io) => customersCommand('users', args, io) },
  health: { flags: healthFlags, run: healthCommand },
  refresh: { flags: refreshFlags, run: refreshCommand },
  keyvault: { flags: keyVaultFlags, run: keyVaultCommand },
};

/**
 * Runs one `sam-desk` invocation and returns its exit code. Never throws and never prints a stack trace, and nothing
 * it prints carries a raw control, direction or zero-width character besides its own line breaks.
 */
export async function runCli(argv: readonly string[], processIo: CliIo, version: string): Promise<number> {
  const io = guardedOutput(processIo);
  const { t } = createTranslator(envLanguage(io.env));
  try {
    const [first] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.out(`${t('commands.usage')}\n`);
      return first === undefined ? EXIT_UNREADABLE : EXIT_OK;
    }
    if (first === '--version' || first === '-v') {
      io.out(`${version}\n`);
      return EXIT_OK;
    }
    const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
    if (command === undefined) {
      // The unknown word is not echoed: it might be a token pasted in the wrong place.
      io.err(`sam-desk: ${t('cli.unknownCommand')}\n`);
      return EXIT_UNREADABLE;
    }
    const parsed = parseArguments(argv, new Set([...command.flags, 'help']));
    if (!parsed.ok) {
      io.err(`sam-desk ${first}: ${t('cli.unknownFlag', { flag: parsed.unknownFlag })}\n`);
      return EXIT_UNREADABLE;
    }
    if (parsed.value.flags.has('help')) {
      io.out(`${t('cli.usage')}\n`);
      return EXIT_OK;
    }
    return await command.run(parsed.value, io);
  } catch {
    io.err(`sam-desk: ${t('cli.internal')}\n`);
    return EXIT_INTERNAL;
  }
}

/** The process's io with every write passed through the terminal guard, whichever command makes it. */
function guardedOutput(io: CliIo): CliIo {
  return {
    services: () => io.services(),
    env: io.env,
    stdinIsTty: io.stdinIsTty,
    readStdin: () => io.readStdin(),
    out: (text) => io.out(terminalSafeOutput(text)),
    err: (text) => io.err(terminalSafeOutput(text)),
    now: () => io.now(),
  };
}
