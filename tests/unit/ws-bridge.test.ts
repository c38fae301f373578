// The loopback WebSocket bridge, driven by a real `ws` client on 127.0.0.1 against fake handlers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { BridgeEvent, BridgeResponse } from '../../shared/bridge-protocol';
import type { WorkMode } from '../../shared/domain';
import type { IpcHandlers } from '../../electron/core/ipc/handlers';
import { ipcCallNames } from '../../shared/ipc';
import { startWebBridge, type WebBridge } from '../../electron/core/ipc/ws-bridge';
import { attendanceStatus, companionStatus } from '../fixtures/companion-status';

const attendance = attendanceStatus({ weekMinutes: 750 });

const status = companionStatus({ attendance, outbox: { queued: 1, inFlight: 0, sent: 2, dead: 0 }, demoMode: true });

/** Handler of a call these tests never make. */
function unusedCall(): never {
  throw new Error('not used in these tests');
}

function fakeHandlers(calls: WorkMode[]): IpcHandlers {
  // Every contract call gets a handler, so calls added by features need no edit here.
  const everyCall = Object.fromEntries(ipcCallNames.map((name) => [name, unusedCall])) as unknown as IpcHandlers;
  return {
    ...everyCall,
    getStatus: () => status,
    checkIn: ({ mode }) => {
      calls.push(mode);
      return { ...attendance, checkedIn: true, session: { id: 's1', mode, startedAt: 1 } };
    },
    checkOut: () => {
      throw new Error('No open session to check out of');
    },
    runCheck: () => {
      throw new Error('not used in these tests');
    },
    runSingleCheck: () => {
      throw new Error('not used in these tests');
    },
    getAttestations: () => [],
    declareAttestation: () => {
      throw new Error('not used in these tests');
    },
    flushOutbox: () => ({ attempted: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0, stoppedBecause: null }),
    listOutbox: () => ({ items: [], truncated: false }),
    retryDead: () => ({ retried: 0 }),
    exportDead: () => ({ fileName: 'antrean-gagal.json', json: '{"records":[]}', count: 0 }),
    dismissStorageNotice: () => ({ dismissed: false }),
    listSnapshots: unusedCall,
    getSnapshot: unusedCall,
    exportSnapshot: unusedCall,
    getWorkTime: () => {
      throw new Error('not used in these tests');
    },
    decideAway: () => {
      throw new Error('not used in these tests');
    },
    postponeAway: () => {
      throw new Error('not used in these tests');
    },
    planWfhDay: () => {
      throw new Error('not used in these tests');
    },
    setJobCategory: () => {
      throw new Error('not used in these tests');
    },
    listRequests: () => {
      throw new Error('not used in these tests');
    },
    getRequest: () => {
      throw new Error('not used in these tests');
    },
    acknowledgeRequest: () => {
      throw new Error('not used in these tests');
    },
    respondToRequest: () => {
      throw new Error('not used in these tests');
    },
    pollRequests: () => {
      throw new Error('not used in these tests');
    },
    getClaims: unusedCall,
    saveClaimDraft: unusedCall,
    deleteClaimDraft: unusedCall,
    attachReceipt: unusedCall,
    removeReceipt: unusedCall,
    submitClaim: unusedCall,
    refreshClaims: unusedCall,
    getTraining: unusedCall,
    refreshTraining: unusedCall,
    getLanguage: () => ({ language: 'id' }),
    setLanguage: ({ language }) => ({ language }),
  };
}

/** Collects every message a client receives, so a test can wait for the one it expects. */
class TestClient {
  readonly messages: unknown[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
    const socket = new WebSocket(url, { headers });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new TestClient(socket);
  }

  async next<T>(match: (message: unknown) => message is T): Promise<T> {
    for (;;) {
      const found = this.messages.find(match);
      if (found !== undefined) return found;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching message; received ${JSON.stringify(this.messages)}`)), 5000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async request(id: number | string | null, raw: string): Promise<BridgeResponse> {
    this.socket.send(raw);
    return this.next((message): message is BridgeResponse => isResponse(message) && message.id === id);
  }

  close(): void {
    this.socket.close();
  }
}

function isResponse(message: unknown): message is BridgeResponse {
  return typeof message === 'object' && message !== null && 'result' in message;
}

function isEvent(message: unknown): message is BridgeEvent {
  return typeof message === 'object' && message !== null && 'event' in message;
}

/** Resolves with the HTTP status of the server's reply to a rejected handshake. */
function rejectedStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      reject(new Error(`Connection to ${url} was accepted`));
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', () => {});
  });
}

describe('web bridge', () => {
  let bridge: WebBridge;
  let listeners: Array<(event: BridgeEvent) => void>;
  let checkIns: WorkMode[];
  let clients: TestClient[];

  beforeEach(async () => {
    listeners = [];
    checkIns = [];
    clients = [];
    bridge = await startWebBridge({
      handlers: fakeHandlers(checkIns),
      subscribe: (listener) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    });
  });

  afterEach(async () => {
    for (const client of clients) client.close();
    await bridge.close();
  });

  async function connect(headers: Record<string, string> = {}): Promise<TestClient> {
    const client = await TestClient.connect(`${bridge.url}?token=${bridge.token}`, headers);
    clients.push(client);
    return client;
  }

  it('listens on loopback only', () => {
    expect(bridge.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('rejects a wrong token', async () => {
    expect(await rejectedStatus(`${bridge.url}?token=${bridge.token.slice(1)}x`)).toBe(401);
  });

  it('rejects a missing token', async () => {
    expect(await rejectedStatus(bridge.url)).toBe(401);
  });

  it('rejects a non-loopback origin', async () => {
    const url = `${bridge.url}?token=${bridge.token}`;
    expect(await rejectedStatus(url, { Origin: 'http://intranet.example' })).toBe(403);
    expect(await rejectedStatus(url, { Origin: 'null' })).toBe(403);
  });

  it('accepts a loopback page origin', async () => {
    const client = await connect({ Origin: 'http://127.0.0.1:5173' });
    const reply = await client.request(1, JSON.stringify({ id: 1, call: 'getLanguage', input: {} }));
    expect(reply.result).toEqual({ ok: true, value: { language: 'id' } });
  });

  it('answers a valid call with the handler value', async () => {
    const client = await connect();
    const reply = await client.request('a', JSON.stringify({ id: 'a', call: 'checkIn', input: { mode: 'wfh' } }));
    expect(reply.result.ok).toBe(true);
    expect(checkIns).toEqual(['wfh']);
  });

  it('rejects invalid input with a message', async () => {
    const client = await connect();
    const reply = await client.request(2, JSON.stringify({ id: 2, call: 'checkIn', input: { mode: 'beach' } }));
    expect(reply.result.ok).toBe(false);
    if (reply.result.ok) return;
    expect(reply.result.error.code).toBe('invalid_input');
    expect(reply.result.error.message).toContain('checkIn');
    expect(reply.result.error.message).toContain('mode');
    expect(checkIns).toEqual([]);
  });

  it('rejects an unknown call', async () => {
    const client = await connect();
    const reply = await client.request(3, JSON.stringify({ id: 3, call: 'deleteEverything', input: {} }));
    expect(reply.result).toEqual({ ok: false, error: { code: 'unknown_call', message: 'Unknown call "deleteEverything".' } });
  });

  it('reports a failing handler', async () => {
    const client = await connect();
    const reply = await client.request(4, JSON.stringify({ id: 4, call: 'checkOut', input: {} }));
    expect(reply.result).toEqual({ ok: false, error: { code: 'failed', message: 'No open session to check out of' } });
  });

  it('answers malformed JSON and keeps serving', async () => {
    const client = await connect();
    const reply = await client.request(null, '{"id": 5, "call": ');
    expect(reply.result.ok).toBe(false);
    if (reply.result.ok) return;
    expect(reply.result.error.code).toBe('invalid_input');
    expect(reply.result.error.message).toContain('invalid JSON');

    const after = await client.request(6, JSON.stringify({ id: 6, call: 'getLanguage', input: {} }));
    expect(after.result).toEqual({ ok: true, value: { language: 'id' } });
  });

  it('answers a request without id or call', async () => {
    const client = await connect();
    const noId = await client.request(null, JSON.stringify({ call: 'getStatus' }));
    expect(noId.result.ok).toBe(false);

    const noCall = await client.request(7, JSON.stringify({ id: 7 }));
    expect(noCall.result.ok).toBe(false);
    if (noCall.result.ok) return;
    expect(noCall.result.error.message).toContain('"call" must be a string');
  });

  it('pushes statusChanged to every client', async () => {
    const first = await connect();
    const second = await connect();
    const changed = { ...status, demoMode: false };

    expect(listeners).toHaveLength(1);
    listeners[0]?.({ event: 'statusChanged', payload: changed });

    expect(await first.next(isEvent)).toEqual({ event: 'statusChanged', payload: changed });
    expect(await second.next(isEvent)).toEqual({ event: 'statusChanged', payload: changed });
  });

  it('unsubscribes and disconnects on close', async () => {
    const client = await connect();
    const closed = new Promise<void>((resolve) => client.socket.once('close', () => resolve()));

    await bridge.close();
    await closed;
    expect(listeners).toHaveLength(0);

    // The afterEach close runs against an already closed server; restart one so it has work to do.
    bridge = await startWebBridge({ handlers: fakeHandlers([]), subscribe: () => () => {} });
  });
});
