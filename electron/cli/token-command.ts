import { createTranslator } from '../../shared/i18n/translator';
import { inspectToken } from '../../shared/inspector/inspect';
import { envLanguage } from '../services/env-language';
import { reportFailure } from './cli-failure';
import { EXIT_OK, type CliIo } from './cli-io';
import type { ParsedArguments } from './parse-arguments';
import { requireProfile } from './resolve-profile';
import { terminalSafe, terminalSafeJson } from './terminal-safe';

export const tokenFlags = new Set(['profile', 'json', 'show-token', 'resource']);

/**
 * `sam-desk token --profile=P`: redeems the stored refresh token (saving its rotated successor first) and prints
 * the access token's metadata. The token itself only with --show-token, as `az account get-access-token` does.
 */
export async function tokenCommand(args: ParsedArguments, io: CliIo): Promise<number> {
  const { t } = createTranslator(envLanguage(io.env));
  const services = await io.services();
  try {
    const profile = await requireProfile(args, io, t, 'token');
    if (typeof profile === 'number') return profile;
    const resource = args.flags.get('resource');
    const token = await services.tokens.acquire(profile.id, typeof resource === 'string' ? { resource } : {});
    const summary = inspectToken(token.token, io.now()).summary;
    const metadata = {
      profile: profile.id,
      expiresOn: token.expiresOn.toISOString(),
      scopes: token.scopes,
      user: summary.user,
      tenantId: summary.tenantId,
      mfa: summary.mfa,
      refreshedFrom: token.refreshedFrom,
      ...(args.flags.has('show-token') ? { accessToken: token.token } : {}),
    };
    if (args.flags.has('json')) io.out(`${terminalSafeJson(metadata)}\n`);
    else {
      io.out(`${terminalSafe(t('commands.tokenSummary', { scopes: token.scopes.join(' '), expiresAt: metadata.expiresOn, source: token.refreshedFrom }))}\n`);
      if (args.flags.has('show-token')) io.out(`${token.token}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    return reportFailure(io, t, 'token', error);
  }
}
