import { createTranslator } from '../../shared/i18n/translator';
import { envLanguage } from '../services/env-language';
import { keyVaultWriteFailure } from '../services/sam/refresh-token-store';
import { reportFailure } from './cli-failure';
import { EXIT_OK, type CliIo } from './cli-io';
import type { ParsedArguments } from './parse-arguments';
import { requireProfile } from './resolve-profile';
import { terminalSafe, terminalSafeJson } from './terminal-safe';

export const refreshFlags = new Set(['profile', 'json']);

/**
 * `sam-desk refresh --profile=P`: keep-alive from a scheduler (cron, Task Scheduler). Redeems the refresh token, which
 * rotates it and restarts its 90-day window, saves the successor everywhere, then checks health. Exit 0 when the
 * token was redeemed and stored everywhere, 3 with the code and remedy when not (a failed Key Vault write included:
 * automation reads the vault), 2 for bad input.
 */
export async function refreshCommand(args: ParsedArguments, io: CliIo): Promise<number> {
  const { t } = createTranslator(envLanguage(io.env));
  const services = await io.services();
  try {
    const profile = await requireProfile(args, io, t, 'refresh');
    if (typeof profile === 'number') return profile;
    const token = await services.tokens.acquire(profile.id, { forceRefresh: true });
    // Either way health looks again, so the dashboard and `health --cached` tell what this run found.
    const entry = await services.health.check(profile.id, { refresh: false, probe: false });
    const vaultFailure = keyVaultWriteFailure(token.saved);
    if (vaultFailure) return reportFailure(io, t, 'refresh', vaultFailure);
    const summary = { profileId: profile.id, expiresOn: token.expiresOn.toISOString(), saved: token.saved, ...entry.assessment };
    if (args.flags.has('json')) io.out(`${terminalSafeJson(summary)}\n`);
    else io.out(`${terminalSafe(t('commands.refreshed', { name: profile.displayName, keyVault: token.saved?.keyVault.status ?? '—', keychain: token.saved?.keychain.status ?? '—', state: t(`health.states.${entry.assessment.state}.name`) }))}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportFailure(io, t, 'refresh', error);
  }
}
