import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Transport } from '../../shared/ipc/api';
import { eventChannel, methodChannel } from '../../shared/ipc/channels';
import { holdEarlyEvents } from '../../shared/ipc/early-events';
import { unwrapEnvelope } from '../../shared/ipc/errors';

/**
 * Exposes the narrow, contract-derived API as window.samDesk. The page never gets ipcRenderer, never names a
 * channel, and never sees the IpcRendererEvent (which would hand it `sender`).
 */
const transport: Transport = {
  invoke: async (method, request) => unwrapEnvelope(await ipcRenderer.invoke(methodChannel(method), request)),
  subscribe: (event, listener) => {
    const channel = eventChannel(event);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => void ipcRenderer.removeListener(channel, forward);
  },
};

// Held from here (before the page's scripts run) until the page listens: see early-events.ts.
contextBridge.exposeInMainWorld('samDesk', buildApi(holdEarlyEvents(transport)));
