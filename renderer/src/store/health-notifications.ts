import type { EventPayload } from '../../../shared/ipc/contract';

/** A health notification shown in the window (main raises the OS one too, where there is an OS to ask). */
export interface HealthNotification extends EventPayload<'health.notify'> {
  readonly id: number;
}

/** At most this many stay on screen: older ones make room, so a stack of them never covers the window. */
export const MAX_NOTIFICATIONS = 4;

/** The stack with a new notification on top; a newer one about the same profile replaces the older. */
export function pushNotification(stack: readonly HealthNotification[], notification: HealthNotification): HealthNotification[] {
  return [notification, ...stack.filter((shown) => shown.profileId !== notification.profileId)].slice(0, MAX_NOTIFICATIONS);
}
