/**
 * macOS notarization credentials from the environment, the way Apple's notarytool accepts them. A release machine sets
 * one complete group; a developer's machine sets none and the build is not notarized (it still runs locally, and
 * Gatekeeper says so on another Mac). Half a group is a mistake that must stop a release build, not silently ship an
 * app that macOS refuses to open.
 */
export type NotarizationCredentials =
  | { readonly kind: 'api-key'; readonly appleApiKey: string; readonly appleApiKeyId: string; readonly appleApiIssuer: string }
  | { readonly kind: 'apple-id'; readonly appleId: string; readonly appleIdPassword: string; readonly teamId: string }
  | { readonly kind: 'keychain-profile'; readonly keychainProfile: string; readonly keychain?: string };

export type NotarizationPlan = { readonly notarize: false; readonly reason: string } | { readonly notarize: true; readonly credentials: NotarizationCredentials };

/** The variable groups, in the order they are preferred (an App Store Connect API key needs no person's account). */
const groups = {
  'api-key': ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  'apple-id': ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  'keychain-profile': ['APPLE_KEYCHAIN_PROFILE'],
} as const;

export class NotarizationConfigError extends Error {}

export function notarizationPlan(env: Readonly<Record<string, string | undefined>>): NotarizationPlan {
  const value = (name: string): string => env[name]?.trim() ?? '';
  if (value('SAM_DESK_SKIP_NOTARIZE') === '1') return { notarize: false, reason: 'SAM_DESK_SKIP_NOTARIZE=1' };
  for (const [kind, names] of Object.entries(groups)) {
    const set = names.filter((name) => value(name) !== '');
    if (set.length === 0) continue;
    const missing = names.filter((name) => value(name) === '');
    if (missing.length > 0) throw new NotarizationConfigError(`Notarization: ${set.join(', ')} set but ${missing.join(', ')} missing. Set all of ${names.join(', ')}, or none to build without notarizing.`);
    if (kind === 'api-key') return { notarize: true, credentials: { kind, appleApiKey: value('APPLE_API_KEY'), appleApiKeyId: value('APPLE_API_KEY_ID'), appleApiIssuer: value('APPLE_API_ISSUER') } };
    if (kind === 'apple-id') return { notarize: true, credentials: { kind, appleId: value('APPLE_ID'), appleIdPassword: value('APPLE_APP_SPECIFIC_PASSWORD'), teamId: value('APPLE_TEAM_ID') } };
    return { notarize: true, credentials: { kind: 'keychain-profile', keychainProfile: value('APPLE_KEYCHAIN_PROFILE'), ...(value('APPLE_KEYCHAIN') ? { keychain: value('APPLE_KEYCHAIN') } : {}) } };
  }
  return { notarize: false, reason: `none of ${Object.values(groups).flat().join(', ')} is set` };
}
