/**
 * `sam-desk://` deep links, e.g. from a health alert e-mail: `sam-desk://reconsent?profile=<id or name>`. A link is
 * untrusted input from anywhere on the machine, so only the listed actions with a sane profile reference pass; it
 * never carries tokens and can at most start a consent the admin still has to complete with MFA.
 */
export const DEEP_LINK_SCHEME = 'sam-desk';

export interface DeepLink {
  readonly action: 'consent' | 'reconsent';
  /** A profile id or display name, as the link gave it. */
  readonly profile: string;
}

const actions = new Set<DeepLink['action']>(['consent', 'reconsent']);

export function parseDeepLink(raw: string): DeepLink | null {
  if (raw.length > 2_048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.username !== '' || url.password !== '') return null;
  // sam-desk://reconsent?… puts the action in the host; sam-desk:reconsent?… in the path. Accept both spellings,
  // but not both at once (sam-desk://reconsent/delete?… names two actions).
  if (url.host !== '' && url.pathname !== '' && url.pathname !== '/') return null;
  const action = (url.host || url.pathname).replace(/^\/+|\/+$/g, '').toLowerCase();
  if (!actions.has(action as DeepLink['action'])) return null;
  // Two profile parameters are ambiguous: which one did the admin see in the e-mail?
  const given = url.searchParams.getAll('profile');
  if (given.length !== 1) return null;
  const profile = given[0]?.trim() ?? '';
  // Control characters (C0, DEL and C1) are refused: no profile reference needs them.
  if (profile === '' || profile.length > 100 || /\p{Cc}/u.test(profile)) return null;
  return { action: action as DeepLink['action'], profile };
}

/** Whether a command-line argument is meant as a sam-desk: link (whether or not it is a valid one). */
export function isDeepLinkArgument(argument: string): boolean {
  return argument.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`);
}

/** The deep link among a process's arguments (Windows and Linux pass it on the command line of the second instance). */
export function deepLinkInArguments(argv: readonly string[]): DeepLink | null {
  for (const argument of argv) {
    if (isDeepLinkArgument(argument)) return parseDeepLink(argument);
  }
  return null;
}
