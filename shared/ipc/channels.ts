import type { EventName, MethodName } from './contract';

/** Electron IPC channel names, one per contract method and event, so ipcMain never sees a free-form channel. */
export const methodChannel = (method: MethodName): string => `sam-desk:call:${method}`;
export const eventChannel = (event: EventName): string => `sam-desk:event:${event}`;
