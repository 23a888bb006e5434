import type { HandlersOf } from '../handler-table';
import { keyVaultWriteFailure } from '../../services/sam/refresh-token-store';
import { orFailure } from './failure';
import type { HandlerDeps } from './handler-deps';

/** Token health: `health.list` answers from the last known facts, `health.check` looks again, `health.refresh` redeems. */
export function createHealthHandlers({ services, onHealthSettingsSaved = () => undefined }: HandlerDeps): HandlersOf<'health'> {
  const { health } = services;
  return {
    'health.list': async () => ({ entries: await health.list(), settings: await health.settings.read(), now: services.now().toISOString() }),
    'health.check': async ({ profileId }) =>
      orFailure(async () => ({ ok: true, entries: profileId ? [await health.check(profileId, { refresh: false })] : await health.checkAll({ refresh: false }) })),
    'health.refresh': async ({ profileId }) =>
      orFailure(async () => {
        const entry = await health.check(profileId, { refresh: true });
        const vaultFailure = keyVaultWriteFailure(entry.saved);
        if (vaultFailure) return { ok: false, error: vaultFailure.code, detail: vaultFailure.detail };
        return { ok: true, entry };
      }),
    'health.repairKeyVault': async ({ profileId, repair }) => orFailure(async () => ({ ok: true, entry: await services.repairKeyVault(profileId, repair) })),
    'health.settings': async (change) => {
      const result = await health.updateSettings(change);
      onHealthSettingsSaved();
      return result;
    },
  };
}
