// Wire format of the loopback WebSocket bridge that serves the IPC contract to a browser page in the
// end-to-end tests. The Electron app never uses it: there the preload exposes window.companion.
import type { IpcEventName, IpcResult } from './ipc';

/** Query parameter that carries the bridge's random access token on connect. */
export const BRIDGE_TOKEN_PARAM = 'token';

/** Query parameter of the renderer page that names the bridge's WebSocket URL. */
export const BRIDGE_URL_PARAM = 'bridge';

/** One call from the page: `input` is validated by the core against the contract. */
export interface BridgeRequest {
  id: number | string;
  call: string;
  input?: unknown;
}

/** The core's reply to one request. `id` is null when the request was too malformed to carry one. */
export interface BridgeResponse {
  id: number | string | null;
  result: IpcResult<unknown>;
}

/** An event pushed by the core, e.g. statusChanged after every committed change. */
export interface BridgeEvent {
  event: IpcEventName;
  payload: unknown;
}

export type BridgeServerMessage = BridgeResponse | BridgeEvent;
