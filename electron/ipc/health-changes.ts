import type { HealthService } from '../services/health/health-service';
import type { EventBus } from './event-bus';

/**
 * Announces every change of a profile's health facts (a check, a consent, any redemption) as `health.changed`, so the
 * dashboard follows what the CLI, a sync or the scheduler did. Returns the function that stops it.
 */
export function relayHealthChanges(health: HealthService, bus: EventBus): () => void {
  return health.onChange((profileId) => {
    void health
      .entry(profileId)
      .then((entry) => bus.emit('health.changed', { profileId, state: entry.assessment.state }))
      // The profile was removed meanwhile: nothing to announce.
      .catch(() => undefined);
  });
}
