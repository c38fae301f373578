// The preload's window.companion: built from the contract against a fake ipcRenderer, and the real
// bundle built by Vite and run in a VM context whose require() offers only a fake 'electron'.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { callChannel, eventChannel, ipcCallNames } from '../../shared/ipc';
import { buildCompanionApi, type IpcRendererPort } from '../../electron/preload/api';

const projectRoot = resolve(import.meta.dirname, '..', '..');

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; input: unknown }> = [];

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, input: args[0] });
    return Promise.resolve({ ok: true, value: `reply from ${channel}` });
  }

  /** Delivers a push the way Electron does: an event object first, then the payload. */
  push(channel: string, payload: unknown): void {
    this.emit(channel, { sender: 'the IpcRendererEvent', ports: [] }, payload);
  }
}

function fakePort(): { fake: FakeIpcRenderer; port: IpcRendererPort } {
  const fake = new FakeIpcRenderer();
  return { fake, port: fake as unknown as IpcRendererPort };
}

describe('buildCompanionApi', () => {
  it('exposes exactly the contract calls and on', () => {
    const { port } = fakePort();

    const api = buildCompanionApi(port);

    expect(Object.keys(api).sort()).toEqual([...ipcCallNames, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  // The checked-in list makes every change of the page's API visible in review. After adding a call
  // to the contract, regenerate it: npx vitest run tests/unit/shell-preload.test.ts -u
  it('matches the checked-in API list', async () => {
    const { port } = fakePort();

    const keys = Object.keys(buildCompanionApi(port)).sort();

    await expect(keys.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/preload-api-keys.txt');
  });

  it('invokes the call channel with the input', async () => {
    const { fake, port } = fakePort();
    const api = buildCompanionApi(port);

    const result = await api.checkIn({ mode: 'office' });

    expect(fake.invocations).toEqual([{ channel: callChannel('checkIn'), input: { mode: 'office' } }]);
    expect(result).toEqual({ ok: true, value: `reply from ${callChannel('checkIn')}` });
  });

  it('delivers only the payload to listeners', () => {
    const { fake, port } = fakePort();
    const api = buildCompanionApi(port);
    const received: unknown[][] = [];

    api.on('statusChanged', (...args: unknown[]) => received.push(args));
    fake.push(eventChannel('statusChanged'), { marker: 1 });

    expect(received).toEqual([[{ marker: 1 }]]);
  });

  it('unsubscribes through the returned function', () => {
    const { fake, port } = fakePort();
    const api = buildCompanionApi(port);
    const received: unknown[] = [];

    const unsubscribe = api.on('statusChanged', (payload) => received.push(payload));
    fake.push(eventChannel('statusChanged'), 'first');
    unsubscribe();
    fake.push(eventChannel('statusChanged'), 'second');

    expect(typeof unsubscribe).toBe('function');
    expect(received).toEqual(['first']);
    expect(fake.listenerCount(eventChannel('statusChanged'))).toBe(0);
  });

  it('rejects an unknown event name', () => {
    const { fake, port } = fakePort();
    const api = buildCompanionApi(port);

    expect(() => api.on('somethingElse' as 'statusChanged', () => {})).toThrow(/Unknown companion event "somethingElse".*statusChanged/);
    expect(fake.eventNames()).toEqual([]);
  });
});

describe('preload bundle', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'preload-bundle-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is one CommonJS file that requires only electron', async () => {
    await build({
      configFile: join(projectRoot, 'vite.config.ts'),
      mode: 'preload',
      logLevel: 'silent',
      build: { outDir, sourcemap: false },
    });

    const files = readdirSync(outDir);
    expect(files).toEqual(['preload.cjs']);
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*(import|export)\s/m);

    // Run it the way a sandboxed preload runs: CommonJS, require limited to 'electron'.
    const exposed: Record<string, unknown> = {};
    const { port } = fakePort();
    const electron = {
      ipcRenderer: port,
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    };
    const requireElectronOnly = (name: string) => {
      if (name !== 'electron') throw new Error(`The sandboxed preload cannot require "${name}"`);
      return electron;
    };
    const module = { exports: {} };
    runInNewContext(code, { require: requireElectronOnly, module, exports: module.exports, console });

    expect(Object.keys(exposed)).toEqual(['companion']);
    expect(Object.keys(exposed.companion as object).sort()).toEqual([...ipcCallNames, 'on'].sort());
  });
});
