import type { TFunction } from 'i18next';
import { createTranslator } from '../../shared/i18n/translator';
import type { Profile, ProfileValidationError } from '../../shared/profiles/profile';
import { envLanguage } from '../services/env-language';
import { reportFailure } from './cli-failure';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './cli-io';
import type { ParsedArguments } from './parse-arguments';
import { profileFlags, profileInputFromFlags } from './profile-flags';
import { resolveProfile } from './resolve-profile';
import { terminalSafe, terminalSafeJson } from './terminal-safe';

export const profileCommandFlags = profileFlags;

/** `sam-desk profile add|list|show|edit|remove|export|import`: the app's profile editor for scripts. */
export async function profileCommand(args: ParsedArguments, io: CliIo): Promise<number> {
  const { t } = createTranslator(envLanguage(io.env));
  const [subcommand, ...rest] = args.positionals;
  const services = await io.services();
  const json = args.flags.has('json');
  const usage = (key: string, values: Record<string, string> = {}): number => {
    io.err(`${terminalSafe(`sam-desk profile: ${t(key, values)}`)}\n`);
    return EXIT_UNREADABLE;
  };
  const find = async (reference: string | undefined): Promise<Profile | number> => {
    if (!reference) return usage('commands.missingProfile');
    const found = await resolveProfile(services, reference);
    return 'profile' in found ? found.profile : usage(found.problem === 'ambiguous' ? 'commands.profileAmbiguous' : 'commands.profileNotFound', { profile: reference.slice(0, 80) });
  };

  try {
    switch (subcommand) {
      case 'list': {
        const { profiles, damaged } = await services.profiles.list();
        if (damaged) io.err(`${terminalSafe(t(damaged.messageKey, { ...damaged, reason: t(`profiles.errors.damagedReasons.${damaged.reason}`) }))}\n`);
        if (json) io.out(`${terminalSafeJson(profiles)}\n`);
        else io.out(profiles.length === 0 ? `${t('commands.noProfiles')}\n` : profiles.map((profile) => terminalSafe(`${profile.id}  ${profile.displayName}  (${profile.tenantId})`)).join('\n') + '\n');
        return EXIT_OK;
      }
      case 'show': {
        const profile = await find(rest[0]);
        if (typeof profile === 'number') return profile;
        const stored = await services.profiles.storedSecrets(profile.id);
        io.out(`${terminalSafeJson({ ...profile, stored })}\n`);
        return EXIT_OK;
      }
      case 'add':
      case 'edit': {
        const existing = subcommand === 'edit' ? await find(rest[0]) : null;
        if (typeof existing === 'number') return existing;
        let clientSecret: string | undefined;
        if (args.flags.has('client-secret-stdin')) {
          if (io.stdinIsTty) io.err(`${t('commands.secretFromStdin')}\n`);
          clientSecret = (await io.readStdin()).trim();
          if (clientSecret === '') return usage('commands.emptySecret');
        }
        const input = profileInputFromFlags(args.flags, existing ?? {});
        const secrets = clientSecret ? { clientSecret } : {};
        const result = existing ? await services.profiles.update(existing.id, input, secrets) : await services.profiles.create(input, secrets);
        if (!result.ok) return validationFailed(io, t, result.errors);
        // Access tokens of the profile as it was, kept for every SAM Desk process, are of no use to it any more.
        if (existing) await services.tokens.forget(existing.id);
        io.out(json ? `${terminalSafeJson(result.profile)}\n` : `${terminalSafe(t(existing ? 'commands.updated' : 'commands.created', { name: result.profile.displayName, id: result.profile.id }))}\n`);
        if (result.refreshTokenCleared) io.err(`${t('commands.refreshTokenCleared')}\n`);
        return EXIT_OK;
      }
      case 'remove': {
        const profile = await find(rest[0]);
        if (typeof profile === 'number') return profile;
        await services.tokens.forget(profile.id);
        const removed = await services.profiles.remove(profile.id);
        io.out(`${terminalSafe(t('commands.removed', { name: profile.displayName }))}\n`);
        if (removed.keychainCleanupFailed) io.err(`${t('profiles.errors.keychainCleanup', { id: profile.id })}\n`);
        return EXIT_OK;
      }
      case 'export': {
        const ids: string[] = [];
        for (const reference of rest) {
          const profile = await find(reference);
          if (typeof profile === 'number') return profile;
          ids.push(profile.id);
        }
        io.out(`${await services.profiles.exportProfiles(ids.length > 0 ? ids : undefined)}\n`);
        return EXIT_OK;
      }
      case 'import': {
        const { readFile } = await import('node:fs/promises');
        const source = rest[0];
        const text = source === undefined || source === '-' ? await io.readStdin() : await readFile(source, 'utf8');
        const result = await services.profiles.importProfiles(text);
        if (!result.ok) return usage(result.messageKey, Object.fromEntries(Object.entries(result.values).map(([key, value]) => [key, String(value)])));
        for (const entry of result.entries) {
          if (entry.status === 'rejected') for (const error of entry.errors) io.err(`${terminalSafe(`#${String(entry.index + 1)} ${entry.displayName ?? ''}: ${t(error.messageKey, error.values ?? {})}`)}\n`);
        }
        io.out(`${t('commands.imported', { imported: result.imported, rejected: result.rejected })}\n`);
        return result.rejected > 0 && result.imported === 0 ? EXIT_UNREADABLE : EXIT_OK;
      }
      default:
        return usage('commands.unknownSubcommand');
    }
  } catch (error) {
    return reportFailure(io, t, 'profile', error);
  }
}

function validationFailed(io: CliIo, t: TFunction, errors: readonly ProfileValidationError[]): number {
  for (const error of errors) io.err(`${terminalSafe(`sam-desk profile: ${t(error.messageKey, error.values ?? {})}`)}\n`);
  return EXIT_UNREADABLE;
}
