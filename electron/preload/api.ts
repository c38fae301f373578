// Builds window.companion from the IPC contract: one method per call and a subscription for pushed
// events. The page never gets ipcRenderer itself or Electron's event object, only payloads.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  callChannel,
  eventChannel,
  ipcCallNames,
  ipcEventNames,
  type CompanionApi,
  type IpcEventName,
} from '../../shared/ipc';

/** The part of ipcRenderer the API uses; tests pass a fake. */
export type IpcRendererPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function isEventName(name: unknown): name is IpcEventName {
  return typeof name === 'string' && (ipcEventNames as string[]).includes(name);
}

export function buildCompanionApi(ipcRenderer: IpcRendererPort): CompanionApi {
  const calls: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of ipcCallNames) {
    const channel = callChannel(name);
    calls[name] = (input?: unknown) => ipcRenderer.invoke(channel, input);
  }

  const on = (event: IpcEventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) {
      throw new TypeError(`Unknown companion event "${String(event)}". Known events: ${ipcEventNames.join(', ')}.`);
    }
    if (typeof listener !== 'function') {
      throw new TypeError(`The listener for "${event}" must be a function.`);
    }

    const channel = eventChannel(event);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };

  return Object.freeze({ ...calls, on }) as unknown as CompanionApi;
}
