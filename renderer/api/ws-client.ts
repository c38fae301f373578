// CompanionApi over the loopback WebSocket bridge, for running the renderer in a plain browser during
// end-to-end tests. It mirrors what the Electron preload exposes: every call resolves with an
// IpcResult and never rejects, so the page handles a lost connection like any other failed call.
import {
  BRIDGE_TOKEN_PARAM,
  type BridgeRequest,
  type BridgeServerMessage,
} from '../../shared/bridge-protocol';
import {
  ipcCallNames,
  type CompanionApi,
  type IpcCallName,
  type IpcError,
  type IpcEventName,
  type IpcResult,
} from '../../shared/ipc';
import { locales } from '../../shared/locales';

type EventListener = (payload: never) => void;

function connectionError(kind: 'connectionFailed' | 'connectionLost', url: string): IpcError {
  const interpolate = (text: string) => text.replace('{{url}}', url);
  return {
    code: 'failed',
    message:
      kind === 'connectionFailed'
        ? `Could not connect to the bridge at ${url}; check that the bridge is running and the page URL names it`
        : `The bridge connection to ${url} closed; reload the page once the bridge runs again`,
    text: { id: interpolate(locales.id.errors[kind]), en: interpolate(locales.en.errors[kind]) },
  };
}

/** Opens the bridge connection; calls made before it is open wait for it. */
export function connectWebSocketApi(bridgeUrl: string, token: string): CompanionApi {
  const socketUrl = new URL(bridgeUrl);
  socketUrl.searchParams.set(BRIDGE_TOKEN_PARAM, token);
  const socket = new WebSocket(socketUrl);

  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const listeners = new Map<IpcEventName, Set<EventListener>>();
  let nextId = 1;
  let everOpened = false;

  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => {
      everOpened = true;
      resolve(true);
    });
    socket.addEventListener('close', () => resolve(false));
  });

  socket.addEventListener('message', (event) => {
    const message = parseServerMessage(event.data);
    if (message === null) return;

    if ('event' in message) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload as never);
      return;
    }
    if (typeof message.id !== 'number') return;
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });

  socket.addEventListener('close', () => {
    const error = connectionError(everOpened ? 'connectionLost' : 'connectionFailed', bridgeUrl);
    for (const settle of pending.values()) settle({ ok: false, error });
    pending.clear();
  });

  async function call(name: IpcCallName, input: unknown): Promise<IpcResult<unknown>> {
    const isOpen = await opened;
    if (!isOpen || socket.readyState !== WebSocket.OPEN) {
      return { ok: false, error: connectionError(everOpened ? 'connectionLost' : 'connectionFailed', bridgeUrl) };
    }

    const id = nextId++;
    const request: BridgeRequest = { id, call: name, input };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify(request));
    });
  }

  const api: Record<string, unknown> = {
    on(event: IpcEventName, listener: EventListener): () => void {
      const set = listeners.get(event) ?? new Set<EventListener>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const name of ipcCallNames) {
    api[name] = (input: unknown) => call(name, input);
  }
  return api as CompanionApi;
}

function parseServerMessage(data: unknown): BridgeServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data) as unknown;
    if (typeof message !== 'object' || message === null) return null;
    if ('event' in message || 'result' in message) return message as BridgeServerMessage;
    return null;
  } catch {
    // The bridge only sends JSON; anything else is dropped rather than taking the page down.
    return null;
  }
}
