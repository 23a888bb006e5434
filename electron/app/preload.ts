import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Transport } from '../../shared/ipc/api';
import { eventChannel, methodChannel } from '../../shared/ipc/channels';
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

contextBridge.exposeInMainWorld('samDesk', buildApi(transport));
