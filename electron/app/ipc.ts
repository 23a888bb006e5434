import { ipcMain, type BrowserWindow } from 'electron';
import { eventNames, methodNames } from '../../shared/ipc/contract';
import { eventChannel, methodChannel } from '../../shared/ipc/channels';
import type { Dispatch } from '../ipc/dispatch';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../services/logger';
import { isTrustedSender } from './sender-check';

/**
 * Registers one handler per contract method and forwards contract events to the window. Every call is checked
 * for its sender before the dispatcher parses its payload with the contract's schema.
 */
export function registerIpc(dispatch: Dispatch, bus: EventBus, getWindow: () => BrowserWindow | null, logger: Logger): () => void {
  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), async (event, request: unknown) => {
      const window = getWindow();
      if (!isTrustedSender(event.senderFrame, window !== null && event.sender === window.webContents)) {
        logger.warn('ipc.untrusted-sender', { method });
        return { ok: false, error: { code: 'forbidden' } };
      }
      return dispatch(method, request);
    });
  }
  const stopForwarding = bus.listen((event, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed() && eventNames.includes(event)) window.webContents.send(eventChannel(event), payload);
  });
  return () => {
    stopForwarding();
    for (const method of methodNames) ipcMain.removeHandler(methodChannel(method));
  };
}
