import { inspectToken } from '../../../shared/inspector/inspect';
import type { HandlersOf } from '../handler-table';
import { orFailure } from './failure';
import type { HandlerDeps } from './handler-deps';

/** Pasted tokens decoded and checked; tokens.acquire returns metadata only — the access token itself never leaves main. */
export function createTokensHandlers({ services, now }: HandlerDeps): HandlersOf<'tokens'> {
  return {
    'tokens.inspect': async ({ input }) => inspectToken(input, now()),
    'tokens.acquire': async ({ profileId, resource }) =>
      orFailure(async () => {
        const token = await services.tokens.acquire(profileId, resource ? { resource } : {});
        return { ok: true, expiresAt: token.expiresOn.toISOString(), scopes: [...token.scopes], refreshedFrom: token.refreshedFrom, saved: token.saved };
      }),
  };
}
