// Random payloads through the main process's IPC wrapper for every call of the contract (read at test
// time, so calls added later are covered), from a fake event of the app's own main frame. The
// handlers are the real ones on a real companion in a temporary folder. Only the compliance runs are
// replaced, because a real one measures the machine's network and power.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChannel, ipcCallNames, ipcCalls, type IpcCallName, type IpcResult } from '../../shared/ipc';
import { Companion } from '../../electron/core/companion';
import { createHandlers, type IpcHandlers } from '../../electron/core/ipc/handlers';
import { createLogger, silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { createSenderCheck, registerIpcHandlers } from '../../electron/main/ipc';

const APP_URL = 'http://127.0.0.1:5173/';
const TOTAL_PAYLOADS = 10_000;
const SEED = 20260302;

/** Calls that start measurements (speed, VPN probe, power); they record their input instead. */
const MEASURING_CALL = /^run|speed|probe/i;

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<IpcResult<unknown>>;

let dataDir: string;
let companion: Companion;
const channels = new Map<string, Listener>();
const logLines: Array<Record<string, unknown>> = [];
const measuringInputs: unknown[] = [];

const ownContents = { id: 1, mainFrame: { url: `${APP_URL}#/beranda`, parent: null, frameTreeNodeId: 100 } };
const ownEvent = { sender: ownContents, senderFrame: ownContents.mainFrame } as unknown as IpcMainInvokeEvent;

function handlersWithoutMeasurements(real: IpcHandlers): IpcHandlers {
  const handlers: Record<string, unknown> = { ...real };
  for (const name of ipcCallNames.filter((call) => MEASURING_CALL.test(call))) {
    handlers[name] = (input: unknown) => {
      measuringInputs.push(input);
      throw new Error(`${name} is not measured in the fuzz test`);
    };
  }
  return handlers as IpcHandlers;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shell-ipc-fuzz-'));
  // Any request the core makes fails at once: the fuzz test sends nothing anywhere.
  const offlineFetch = (() => Promise.reject(new TypeError('fetch failed: network disabled in the fuzz test'))) as typeof fetch;
  companion = await Companion.open({ dataDir, secretStore: new MemorySecretStore(), logSink: silentSink, fetch: offlineFetch });

  const logger = createLogger({ write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) }, 'ipc');
  registerIpcHandlers({
    ipcMain: {
      handle: (channel, listener) => channels.set(channel, listener as unknown as Listener),
      removeHandler: (channel) => channels.delete(channel),
    },
    handlers: handlersWithoutMeasurements(createHandlers(companion)),
    isTrustedSender: createSenderCheck({ location: { kind: 'dev-server', url: APP_URL }, isOwnWebContents: (contents) => contents.id === 1 }),
    logger,
  });
});

afterAll(() => {
  companion?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Values that Electron's structured clone can carry, nested a few levels. */
const cloneable = fc.anything({ maxDepth: 3, maxKeys: 5, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true });

/** Objects using the call's own field names (and one it lacks), so that near-valid inputs get through. */
function shapedPayload(name: IpcCallName): fc.Arbitrary<unknown> {
  const schema = ipcCalls[name].input as z.ZodType;
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const key = fc.constantFrom(...keys, 'extra');
  const value = fc.oneof(cloneable, fc.boolean(), fc.integer(), fc.string(), fc.constantFrom('wfh', 'office', 'id', 'en', '2026-03-02', ''));
  return fc.dictionary(key, value, { maxKeys: keys.length + 1 });
}

const callsPerName = Math.ceil(TOTAL_PAYLOADS / ipcCallNames.length);

describe('IPC wrapper under random payloads', () => {
  it.each(ipcCallNames)('%s rejects invalid payloads', async (name) => {
    const listener = channels.get(callChannel(name));
    if (!listener) throw new Error(`No handler registered for ${name}`);

    await fc.assert(
      fc.asyncProperty(fc.oneof(cloneable, shapedPayload(name)), async (payload) => {
        const valid = ipcCalls[name].input.safeParse(payload ?? {}).success;
        const logged = logLines.length;

        const result = await listener(ownEvent, payload);

        expect(typeof result.ok).toBe('boolean');
        if (valid) {
          if (!result.ok) expect(result.error.code).toBe('failed');
        } else {
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message).toContain(`Invalid input for ${name}:`);
        }
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(logLines.slice(logged).some((line) => line.message === 'IPC call failed' && line.call === name)).toBe(true);
        }
      }),
      { numRuns: callsPerName, seed: SEED },
    );
  });

  it('covers at least the stated number of payloads', () => {
    expect(callsPerName * ipcCallNames.length).toBeGreaterThanOrEqual(TOTAL_PAYLOADS);
  });

  it('rejects every foreign frame before the handler', async () => {
    const listener = channels.get(callChannel('checkIn'))!;
    const rejectedBefore = logLines.filter((line) => line.message === 'IPC call rejected: untrusted sender').length;
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.boolean(), async (url, subframe) => {
        fc.pre(!(url.startsWith(APP_URL) && !subframe));
        const mainFrame = { url, parent: null, frameTreeNodeId: 100 };
        const frame = subframe ? { url, parent: mainFrame, frameTreeNodeId: 101 } : mainFrame;
        const event = { sender: { id: 1, mainFrame }, senderFrame: frame } as unknown as IpcMainInvokeEvent;

        runs += 1;
        const result = await listener(event, { mode: 'wfh' });

        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('forbidden_sender');
      }),
      { numRuns: 1000, seed: SEED },
    );

    const rejected = logLines.filter((line) => line.message === 'IPC call rejected: untrusted sender').length - rejectedBefore;
    expect(rejected).toBe(runs);
  });
});
