import { createTranslator } from '../../shared/i18n/translator';
import { envLanguage } from '../services/env-language';
import { keyVaultRepairs, type KeyVaultRepair } from '../services/health/key-vault-repair';
import { reportFailure } from './cli-failure';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './cli-io';
import type { ParsedArguments } from './parse-arguments';
import { requireProfile } from './resolve-profile';
import { terminalSafe, terminalSafeJson } from './terminal-safe';

export const keyVaultFlags = new Set(['profile', 'json']);

/**
 * `sam-desk keyvault recover|enable|write --profile=P`: the fixes token health names for a Key Vault secret that
 * automation cannot read — recover it from soft delete, enable its disabled current version, or write the token in use
 * as a new version. Then checks the profile: exit 0 when the fix went through, 3 with the vault's reason and remedy.
 */
export async function keyVaultCommand(args: ParsedArguments, io: CliIo): Promise<number> {
  const { t } = createTranslator(envLanguage(io.env));
  const [sub] = args.positionals;
  if (!isRepair(sub)) {
    io.err(`sam-desk keyvault: ${t('commands.unknownKeyVaultSubcommand')}\n`);
    return EXIT_UNREADABLE;
  }
  const services = await io.services();
  try {
    const profile = await requireProfile(args, io, t, 'keyvault');
    if (typeof profile === 'number') return profile;
    const entry = await services.repairKeyVault(profile.id, sub);
    const state = entry.assessment.state;
    if (args.flags.has('json')) io.out(`${terminalSafeJson({ profileId: profile.id, repair: sub, ...entry.assessment })}\n`);
    else io.out(`${terminalSafe(t(`commands.keyVaultRepaired.${sub}`, { name: profile.displayName, state: t(`health.states.${state}.name`) }))}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportFailure(io, t, 'keyvault', error);
  }
}

function isRepair(value: string | undefined): value is KeyVaultRepair {
  return (keyVaultRepairs as readonly (string | undefined)[]).includes(value);
}
