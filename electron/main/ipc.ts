// The one place where the main process registers IPC handlers. Every call of the contract goes
// through the same steps: check that the sender is our own page, validate the input, run the
// handler, and return { ok, value } or { ok, error }. Electron objects are passed in, so this module
// only imports Electron's types.
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import {
  callChannel,
  eventChannel,
  ipcCallNames,
  type IpcEventName,
  type IpcEventPayload,
  type IpcResult,
} from '../../shared/ipc';
import { dispatch, type IpcHandlers } from '../core/ipc/handlers';
import type { Logger } from '../core/logger';
import { describeOrigin, isAppUrl, type RendererLocation } from './renderer-url';

/** Returns why the sender is not trusted, or null when it is. */
export type SenderCheck = (event: IpcMainInvokeEvent) => string | null;

/**
 * Builds the sender check: the frame still exists, is the main frame of a web contents that one of
 * our windows owns, and shows the app's own page.
 */
export function createSenderCheck(options: {
  location: RendererLocation;
  isOwnWebContents: (contents: WebContents) => boolean;
}): SenderCheck {
  return (event) => {
    const frame: WebFrameMain | null = event.senderFrame;
    if (frame === null) return 'the sending frame navigated away or was destroyed';
    if (frame.parent !== null) return 'the call came from a subframe';
    if (!options.isOwnWebContents(event.sender)) return 'the sender is not a window of this app';
    if (event.sender.mainFrame.frameTreeNodeId !== frame.frameTreeNodeId) return 'the frame is not the main frame of its window';
    if (!isAppUrl(options.location, frame.url)) return `the frame shows ${describeOrigin(frame.url)}, not the app's page`;
    return null;
  };
}

export interface RegisterIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: IpcHandlers;
  isTrustedSender: SenderCheck;
  logger: Logger;
}

/** Registers one handler per contract call; returns a function that removes them again. */
export function registerIpcHandlers(options: RegisterIpcOptions): () => void {
  const { ipcMain, handlers, isTrustedSender, logger } = options;

  for (const name of ipcCallNames) {
    ipcMain.handle(callChannel(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<IpcResult<unknown>> => {
      const rejection = isTrustedSender(event);
      if (rejection !== null) {
        logger.warn('IPC call rejected: untrusted sender', { call: name, reason: rejection });
        return {
          ok: false,
          error: { code: 'forbidden_sender', message: `Call ${name} rejected because ${rejection}.` },
        };
      }

      const result = await dispatch(handlers, name, input);
      if (!result.ok) {
        logger.warn('IPC call failed', { call: name, code: result.error.code, detail: result.error.message });
      }
      return result;
    });
  }

  return () => {
    for (const name of ipcCallNames) ipcMain.removeHandler(callChannel(name));
  };
}

/** A window that pushed events can reach; BrowserWindow satisfies it. */
export interface EventRecipient {
  webContents: Pick<WebContents, 'send' | 'isDestroyed'>;
}

/** Pushes one contract event to every live window. */
export function sendEvent<K extends IpcEventName>(targets: Iterable<EventRecipient>, name: K, payload: IpcEventPayload<K>): void {
  for (const target of targets) {
    if (target.webContents.isDestroyed()) continue;
    target.webContents.send(eventChannel(name), payload);
  }
}
