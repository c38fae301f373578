// The renderer's one way to reach the core. Inside Electron the preload exposes window.companion; in
// the end-to-end tests a plain browser page reaches the same contract over the loopback WebSocket
// bridge named in its URL (?bridge=ws://127.0.0.1:PORT/&token=...). Anything else cannot run.
import { BRIDGE_TOKEN_PARAM, BRIDGE_URL_PARAM } from '../../shared/bridge-protocol';
import type { CompanionApi } from '../../shared/ipc';
import { connectWebSocketApi } from './ws-client';

export type CompanionConnection =
  | { ok: true; api: CompanionApi; transport: 'preload' | 'bridge' }
  | { ok: false; reason: 'no-shell' }
  | { ok: false; reason: 'invalid-bridge'; detail: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

let cached: CompanionConnection | null = null;

/** Returns the connection to the core, resolving it once per page load. */
export function companion(): CompanionConnection {
  cached ??= resolveConnection(window, window.location.search);
  return cached;
}

export function resolveConnection(target: Pick<Window, 'companion'>, search: string): CompanionConnection {
  if (target.companion) return { ok: true, api: target.companion, transport: 'preload' };

  const params = new URLSearchParams(search);
  const bridge = params.get(BRIDGE_URL_PARAM);
  if (bridge === null) return { ok: false, reason: 'no-shell' };

  const problem = checkBridgeUrl(bridge);
  if (problem) return { ok: false, reason: 'invalid-bridge', detail: problem };

  const token = params.get(BRIDGE_TOKEN_PARAM);
  if (!token) return { ok: false, reason: 'invalid-bridge', detail: `the ${BRIDGE_TOKEN_PARAM} parameter is missing` };

  return { ok: true, api: connectWebSocketApi(bridge, token), transport: 'bridge' };
}

/** Accepts only a loopback bridge, because a bridge serves the core to any client that has its token. */
function checkBridgeUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL; expected ws://127.0.0.1:PORT/`;
  }
  if (url.protocol !== 'ws:') return `"${value}" must use ws://`;
  if (!LOOPBACK_HOSTS.has(url.hostname)) return `"${url.hostname}" is not a loopback address; expected 127.0.0.1`;
  return null;
}
