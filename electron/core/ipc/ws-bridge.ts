// Loopback WebSocket transport of the IPC contract, for driving the real renderer in a browser
// during end-to-end tests. It serves the same calls from the same handlers as the Electron preload,
// bound to 127.0.0.1 and guarded by a random token, so only the test that started it can connect.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  BRIDGE_TOKEN_PARAM,
  type BridgeEvent,
  type BridgeRequest,
  type BridgeResponse,
} from '../../../shared/bridge-protocol';
import type { IpcError } from '../../../shared/ipc';
import { createLogger, silentSink, type Logger } from '../logger';
import { dispatch, type IpcHandlers } from './handlers';

export interface WebBridgeOptions {
  handlers: IpcHandlers;
  /**
   * Registers a listener for the contract's push events and returns a function that removes it
   * (subscribeToCompanionEvents for a real companion).
   */
  subscribe: (publish: (event: BridgeEvent) => void) => () => void;
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  logger?: Logger;
}

export interface WebBridge {
  /** ws://127.0.0.1:PORT/ ; connect with `?token=` appended. */
  url: string;
  token: string;
  close(): Promise<void>;
}

const BIND_HOST = '127.0.0.1';

/** Largest accepted request; every contract input is a small object. */
const MAX_REQUEST_BYTES = 64 * 1024;

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LOOPBACK_REMOTE_ADDRESSES = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);

/** Starts the bridge and resolves once it listens. */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const logger = options.logger ?? createLogger(silentSink, 'ws-bridge');
  const token = randomBytes(32).toString('base64url');

  const server = new WebSocketServer({
    host: BIND_HOST,
    port: options.port ?? 0,
    maxPayload: MAX_REQUEST_BYTES,
    verifyClient: (info, accept) => {
      const rejection = rejectHandshake(info.req, info.origin, token);
      if (rejection) {
        logger.warn('Bridge connection rejected', { status: rejection.status, reason: rejection.reason });
        accept(false, rejection.status, rejection.reason);
        return;
      }
      accept(true);
    },
  });
  await listening(server);

  server.on('connection', (socket) => serveConnection(socket, options.handlers, logger));
  const unsubscribe = options.subscribe((event) => broadcast(server, event));

  const { port } = server.address() as AddressInfo;
  const url = `ws://${BIND_HOST}:${port}/`;
  logger.info('Bridge started', { url });

  return {
    url,
    token,
    close: async () => {
      unsubscribe();
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      logger.info('Bridge stopped', { url });
    },
  };
}

function listening(server: WebSocketServer): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', (error) => reject(new Error(`The WebSocket bridge could not listen on ${BIND_HOST}: ${error.message}`)));
  });
}

/** Returns why a handshake must be refused, or null when it comes from a loopback page with the token. */
export function rejectHandshake(
  request: IncomingMessage,
  origin: string | undefined,
  token: string,
): { status: number; reason: string } | null {
  if (!LOOPBACK_REMOTE_ADDRESSES.has(request.socket.remoteAddress ?? '')) {
    return { status: 403, reason: 'Only loopback clients may connect' };
  }

  // Browsers always send Origin; Node clients (the unit tests) send none and rely on the token alone.
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    return { status: 403, reason: `Origin ${origin} is not a loopback page` };
  }

  const offered = new URL(request.url ?? '/', `http://${BIND_HOST}`).searchParams.get(BRIDGE_TOKEN_PARAM);
  if (offered === null) {
    return { status: 401, reason: `Missing ${BRIDGE_TOKEN_PARAM} query parameter` };
  }
  if (!sameSecret(offered, token)) {
    return { status: 401, reason: `Wrong ${BRIDGE_TOKEN_PARAM}` };
  }
  return null;
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTNAMES.has(url.hostname);
  } catch {
    // "null" (file:// pages, sandboxed frames) and garbage are not loopback pages.
    return false;
  }
}

function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveConnection(socket: WebSocket, handlers: IpcHandlers, logger: Logger): void {
  socket.on('error', (error) => logger.warn('Bridge socket error', { error: error.message }));
  socket.on('message', (data, isBinary) => {
    void reply(socket, handlers, data, isBinary, logger);
  });
}

/** Replies to one request. Never throws, because malformed requests get an error reply on the same socket. */
async function reply(socket: WebSocket, handlers: IpcHandlers, data: RawData, isBinary: boolean, logger: Logger): Promise<void> {
  const request = parseRequest(data, isBinary);
  if ('error' in request) {
    logger.warn('Malformed bridge request', { error: request.error.message });
    send(socket, { id: request.id, result: { ok: false, error: request.error } });
    return;
  }

  const result = await dispatch(handlers, request.call, request.input);
  if (!result.ok) logger.info('Bridge call failed', { call: request.call, code: result.error.code });
  send(socket, { id: request.id, result });
}

type ParsedRequest = BridgeRequest | { id: BridgeResponse['id']; error: IpcError };

function parseRequest(data: RawData, isBinary: boolean): ParsedRequest {
  const expected = 'Send JSON text of the form {"id": 1, "call": "getStatus", "input": {}}.';
  if (isBinary) {
    return { id: null, error: { code: 'invalid_input', message: `Malformed request: binary frame received. ${expected}` } };
  }

  let message: unknown;
  try {
    message = JSON.parse(rawDataToText(data));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { id: null, error: { code: 'invalid_input', message: `Malformed request: invalid JSON (${detail}). ${expected}` } };
  }

  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { id: null, error: { code: 'invalid_input', message: `Malformed request: not a JSON object. ${expected}` } };
  }
  const { id, call, input } = message as Record<string, unknown>;
  if (typeof id !== 'number' && typeof id !== 'string') {
    return { id: null, error: { code: 'invalid_input', message: `Malformed request: "id" must be a number or string, got ${typeof id}. ${expected}` } };
  }
  if (typeof call !== 'string') {
    return { id, error: { code: 'invalid_input', message: `Malformed request: "call" must be a string, got ${typeof call}. ${expected}` } };
  }
  return { id, call, input };
}

function rawDataToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function broadcast(server: WebSocketServer, event: BridgeEvent): void {
  const text = JSON.stringify(event);
  for (const client of server.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(text);
  }
}

function send(socket: WebSocket, message: BridgeResponse): void {
  // The page may have gone away while the core was working; the committed result stays committed.
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}
