import type { EventBus } from '../event-bus';
import type { HandlerTable } from '../handler-table';
import { classifyError } from '../../services/sam/classify-error';
import type { SamDeskServices } from '../../services/sam-desk-services';

type HealthHandlers = Pick<HandlerTable, 'health.list' | 'health.check' | 'health.refresh' | 'health.repairKeyVault' | 'health.settings' | 'audit.list' | 'audit.export'>;

/** The audit log's default page in the window: enough for a profile's story, small enough to send at once. */
const DEFAULT_AUDIT_LIMIT = 500;

/**
 * Token health and the audit log. Every change of a profile's health facts (a check, a consent, any redemption) is
 * announced as `health.changed`, so the dashboard follows what the CLI, a sync or the scheduler did.
 */
export function createHealthHandlers(
  services: SamDeskServices,
  bus: EventBus,
  /** Called after settings were saved: turning the schedule on (or shortening it) may make a check due now. */
  onSettingsSaved: () => void = () => undefined,
): { readonly handlers: HealthHandlers; readonly dispose: () => void } {
  const { health, audit } = services;
  const failure = (error: unknown) => {
    const mapped = classifyError(error);
    return { ok: false as const, error: mapped.code, detail: mapped.detail };
  };
  const dispose = health.onChange((profileId) => {
    void health
      .entry(profileId)
      .then((entry) => bus.emit('health.changed', { profileId, state: entry.assessment.state }))
      // The profile was removed meanwhile: nothing to announce.
      .catch(() => undefined);
  });
  return {
    dispose,
    handlers: {
      'health.list': async () => ({ entries: await health.list(), settings: await health.settings.read(), now: services.now().toISOString() }),
      'health.check': async ({ profileId }) => {
        try {
          return { ok: true, entries: profileId ? [await health.check(profileId, { refresh: false })] : await health.checkAll({ refresh: false }) };
        } catch (error) {
          return failure(error);
        }
      },
      'health.refresh': async ({ profileId }) => {
        try {
          const entry = await health.check(profileId, { refresh: true });
          // Redeemed, but automation reads Key Vault, which did not take the successor: that is a failed Refresh now.
          const vault = entry.saved?.keyVault;
          if (vault?.status === 'failed') return { ok: false, error: vault.error, detail: vault.detail };
          return { ok: true, entry };
        } catch (error) {
          return failure(error);
        }
      },
      'health.repairKeyVault': async ({ profileId, repair }) => {
        try {
          return { ok: true, entry: await services.repairKeyVault(profileId, repair) };
        } catch (error) {
          return failure(error);
        }
      },
      'health.settings': async (change) => {
        const result = await health.updateSettings(change);
        onSettingsSaved();
        return result;
      },
      'audit.list': async (filter) => ({ events: await audit.read({ limit: DEFAULT_AUDIT_LIMIT, ...filter }) }),
      'audit.export': async ({ filter, format }) => ({ text: format === 'csv' ? await audit.exportCsv(filter) : await audit.exportJsonLines(filter) }),
    },
  };
}
