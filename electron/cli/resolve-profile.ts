import type { TFunction } from 'i18next';
import type { Profile } from '../../shared/profiles/profile';
import type { SamDeskServices } from '../services/sam-desk-services';
import { EXIT_UNREADABLE, type CliIo } from './cli-io';
import type { ParsedArguments } from './parse-arguments';
import { terminalSafe } from './terminal-safe';

/** A profile named on the command line by id or by (case-insensitive) name. */
export async function resolveProfile(services: SamDeskServices, reference: string): Promise<{ profile: Profile } | { problem: 'not-found' | 'ambiguous' }> {
  const { profiles } = await services.profiles.list();
  const byId = profiles.find((profile) => profile.id === reference);
  if (byId) return { profile: byId };
  const byName = profiles.filter((profile) => profile.displayName.toLowerCase() === reference.trim().toLowerCase());
  if (byName.length === 1 && byName[0]) return { profile: byName[0] };
  return { problem: byName.length > 1 ? 'ambiguous' : 'not-found' };
}

/**
 * The profile a command's --profile option names, or the exit code after saying on stderr what is wrong with it.
 */
export async function requireProfile(args: ParsedArguments, io: CliIo, t: TFunction, command: string): Promise<Profile | number> {
  const reference = args.flags.get('profile');
  if (typeof reference !== 'string') {
    io.err(`sam-desk ${command}: ${t('commands.missingProfile')}\n`);
    return EXIT_UNREADABLE;
  }
  const found = await resolveProfile(await io.services(), reference);
  if ('profile' in found) return found.profile;
  io.err(`${terminalSafe(`sam-desk ${command}: ${t(found.problem === 'ambiguous' ? 'commands.profileAmbiguous' : 'commands.profileNotFound', { profile: reference.slice(0, 80) })}`)}\n`);
  return EXIT_UNREADABLE;
}
