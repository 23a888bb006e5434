import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { EventBus } from './ipc/event-bus';
import { createHandlerTable } from './ipc/create-handler-table';
import { relayHealthChanges } from './ipc/health-changes';
import type { SamDeskServices } from './services/sam-desk-services';
import { startConnectivityMonitor, type ConnectivityMonitor } from './services/connectivity';
import type { Logger } from './services/logger';
import { createTranslator } from '../shared/i18n/translator';
import { startHealthScheduler } from './services/health/health-scheduler';
import { notificationText } from './services/health/notification-text';

export interface CompositionPorts {
  readonly mode: 'electron' | 'browser';
  readonly version: string;
  readonly platform: string;
  readonly cloud: 'microsoft' | 'local';
  readonly isOnline: () => boolean;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly services: SamDeskServices;
  /** The admin's language for texts main writes itself (notifications). */
  readonly language?: string;
  /** Shows an OS notification that opens the profile when clicked (the desktop app); browser mode has none. */
  readonly notify?: (notification: { readonly profileId: string; readonly title: string; readonly body: string }) => void;
  /** Whether the scheduled health check runs (off in tests that do not want a background check). */
  readonly healthSchedule?: boolean;
}

export interface Composition {
  readonly dispatch: Dispatch;
  readonly bus: EventBus;
  readonly connectivity: ConnectivityMonitor;
  dispose(): void;
}

/** Builds the services, the handler table and its dispatcher once; both bridges serve what this returns. */
export function compose(ports: CompositionPorts): Composition {
  const bus = new EventBus();
  const connectivity = startConnectivityMonitor(ports.isOnline, (online) => bus.emit('app.connectivity', { online }));
  const { t, language } = createTranslator(ports.language ?? 'en');
  const scheduler =
    ports.healthSchedule === false
      ? null
      : startHealthScheduler({
          health: ports.services.health,
          now: ports.now ?? ports.services.now,
          notify: ({ entry }) => {
            const text = notificationText(entry, t, language);
            // The window shows it in any mode; the desktop app also raises an OS notification that deep-links to the profile.
            bus.emit('health.notify', { profileId: entry.profileId, state: entry.assessment.state, ...text });
            ports.notify?.({ profileId: entry.profileId, ...text });
          },
        });
  const stopHealthRelay = relayHealthChanges(ports.services.health, bus);
  const handlers = createHandlerTable({
    services: ports.services,
    bus,
    appInfo: () => ({ name: 'SAM Desk', version: ports.version, mode: ports.mode, platform: ports.platform, cloud: ports.cloud }),
    isOnline: () => connectivity.isOnline(),
    now: ports.now ?? ports.services.now,
    onHealthSettingsSaved: () => void scheduler?.runIfDue(),
  });
  return {
    dispatch: createDispatcher(handlers, ports.logger),
    bus,
    connectivity,
    dispose: () => {
      connectivity.stop();
      stopHealthRelay();
      scheduler?.stop();
    },
  };
}
