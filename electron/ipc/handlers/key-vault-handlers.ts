import type { HandlersOf } from '../handler-table';
import { orFailure } from './failure';
import type { HandlerDeps } from './handler-deps';

/** Writes the stored refresh token to Key Vault again after a save that could not reach it. */
export function createKeyVaultHandlers({ services }: HandlerDeps): HandlersOf<'keyVault'> {
  return {
    'keyVault.retry': async ({ profileId }) => orFailure(async () => ({ ok: true, version: await services.retryKeyVault(profileId) })),
  };
}
