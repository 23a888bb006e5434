import type { AppInfo } from '../../../shared/ipc/contract';
import type { SamDeskServices } from '../../services/sam-desk-services';
import type { EventBus } from '../event-bus';

/** What every namespace's handlers are built from: the services, the bus their events leave by, and the app's facts. */
export interface HandlerDeps {
  readonly services: SamDeskServices;
  readonly bus: EventBus;
  readonly appInfo: () => Omit<AppInfo, 'online' | 'now'>;
  readonly isOnline: () => boolean;
  readonly now: () => Date;
  /** Called after health settings were saved: turning the schedule on (or shortening it) may make a check due now. */
  readonly onHealthSettingsSaved?: () => void;
}
