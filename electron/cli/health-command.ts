import { formatRelativeSeconds, localizeDateParams } from '../../shared/i18n/relative-time';
import { createTranslator } from '../../shared/i18n/translator';
import { sortByUrgency } from '../../shared/health/assess-health';
import type { HealthState } from '../../shared/health/health-state';
import { envLanguage } from '../services/env-language';
import type { HealthEntry } from '../services/health/health-service';
import { classifyError } from '../services/sam/classify-error';
import { EXIT_OK, type CliIo } from './cli-io';
import type { ParsedArguments } from './parse-arguments';
import { remedyCommand } from './remedy-command';
import { requireProfile } from './resolve-profile';
import { terminalSafe, terminalSafeJson } from './terminal-safe';

export const healthFlags = new Set(['profile', 'json', 'cached', 'probe']);

/**
 * `sam-desk health [--profile=P] [--json] [--cached|--probe]`: every profile's token health (or one), checked now unless
 * --cached, for monitoring. A check redeems the refresh token when Entra last accepted it longer ago than the probe
 * interval (so a revoked grant shows at the next check); --probe redeems now. Exit codes follow the monitoring convention (Nagios, Icinga, PRTG's script sensors):
 * 0 all healthy, 1 a warning (expiring, or unknown: Microsoft could not be reached), 2 action needed or dead,
 * 3 health could not be told (bad input or an internal error).
 */
export const HEALTH_OK = 0;
export const HEALTH_WARNING = 1;
export const HEALTH_CRITICAL = 2;
export const HEALTH_UNKNOWN = 3;

export function healthExitCode(states: readonly HealthState[]): number {
  if (states.some((state) => state === 'dead' || state === 'action-needed')) return HEALTH_CRITICAL;
  if (states.some((state) => state === 'expiring' || state === 'unknown')) return HEALTH_WARNING;
  return HEALTH_OK;
}

export async function healthCommand(args: ParsedArguments, io: CliIo): Promise<number> {
  const { t, language } = createTranslator(envLanguage(io.env));
  const services = await io.services();
  try {
    let entries: HealthEntry[];
    const cached = args.flags.has('cached');
    const options = { refresh: false, ...(args.flags.has('probe') ? { probe: true } : {}) };
    if (args.flags.has('profile')) {
      const profile = await requireProfile(args, io, t, 'health');
      if (typeof profile === 'number') return HEALTH_UNKNOWN;
      entries = [cached ? await services.health.entry(profile.id) : await services.health.check(profile.id, options)];
    } else {
      entries = cached ? await services.health.list() : await services.health.checkAll(options);
    }
    const sorted = sortByUrgency(entries, (entry) => entry.assessment, (entry) => entry.displayName);
    if (args.flags.has('json')) {
      io.out(`${terminalSafeJson(sorted.map((entry) => ({ profileId: entry.profileId, displayName: entry.displayName, ...entry.assessment, remedyCommand: remedyCommand(entry.assessment.action, entry.profileId) })))}\n`);
    } else if (sorted.length === 0) {
      io.out(`${t('commands.noProfiles')}\n`);
    } else {
      for (const entry of sorted) {
        const { state, daysLeft, mfa, keyVaultInSync, reasons, action, grantProvenAt } = entry.assessment;
        const top = reasons[0];
        const now = io.now().getTime();
        const facts = [
          t(`health.states.${state}.name`).toUpperCase(),
          daysLeft === null ? null : t('commands.healthDaysLeft', { days: daysLeft }),
          grantProvenAt === null ? t('commands.healthNotProven') : t('commands.healthProven', { ago: formatRelativeSeconds(Math.round((Date.parse(grantProvenAt) - now) / 1000), language) }),
          mfa === null ? null : t(mfa ? 'commands.healthMfa' : 'commands.healthNoMfa'),
          keyVaultInSync === null ? null : t(keyVaultInSync ? 'commands.healthInSync' : 'commands.healthOutOfSync'),
        ].filter((fact): fact is string => fact !== null);
        io.out(`${terminalSafe(`${entry.displayName}: ${facts.join(', ')}`)}\n`);
        if (top) io.out(`  ${terminalSafe(t(`health.reasons.${top.reason}`, localizeDateParams(top.values, language)))}\n`);
        if (action !== 'none') io.out(`  ${terminalSafe(t('commands.healthNext', { action: t(`health.actions.${action}`) }))}\n`);
        const command = remedyCommand(action, entry.profileId);
        if (command) io.out(`  ${terminalSafe(t('commands.healthRun', { command }))}\n`);
      }
    }
    return entries.length === 0 ? EXIT_OK : healthExitCode(entries.map((entry) => entry.assessment.state));
  } catch (error) {
    const { code } = classifyError(error);
    io.err(`sam-desk health: [${code}] ${t(`sam.errors.${code}.message`)} ${t(`sam.errors.${code}.remedy`)}\n`);
    return HEALTH_UNKNOWN;
  }
}
