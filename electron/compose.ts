import { createDispatcher, type Dispatch } from './dispatch';
import { EventBus } from './event-bus';
import { createHandlers } from './handlers';
import { createPartnerCenterHandlers } from './partner-center-handlers';
import { createSamHandlers } from './sam-handlers';
import type { SamDeskServices } from './services/sam-desk-services';
import { startConnectivityMonitor, type ConnectivityMonitor } from './services/connectivity';
import type { Logger } from './services/logger';

export interface CompositionPorts {
  readonly mode: 'electron' | 'browser';
  readonly version: string;
  readonly platform: string;
  readonly cloud: 'microsoft' | 'local';
  readonly isOnline: () => boolean;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly services: SamDeskServices;
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
  const connectivity = startConnectivityMonitor(ports.isOnline, bus);
  const handlers = {
    ...createHandlers({
      appInfo: () => ({ name: 'SAM Desk', version: ports.version, mode: ports.mode, platform: ports.platform, cloud: ports.cloud }),
      isOnline: () => connectivity.isOnline(),
      now: ports.now ?? (() => new Date()),
    }),
    ...createSamHandlers(ports.services, bus),
    ...createPartnerCenterHandlers(ports.services, bus),
  };
  return { dispatch: createDispatcher(handlers, ports.logger), bus, connectivity, dispose: () => connectivity.stop() };
}
