// The main process's IPC wrapper, with Electron's ipcMain, web contents and frames replaced by plain
// objects that have the same fields.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AttendanceStatus, WorkMode } from '../../shared/domain';
import { callChannel, eventChannel, ipcCallNames, type IpcError, type IpcResult } from '../../shared/ipc';
import { CompanionError } from '../../electron/core/errors';
import type { IpcHandlers } from '../../electron/core/ipc/handlers';
import { createLogger } from '../../electron/core/logger';
import { createSenderCheck, registerIpcHandlers, sendEvent, type SenderCheck } from '../../electron/main/ipc';
import { resolveRendererLocation, type RendererLocation } from '../../electron/main/renderer-url';
import { attendanceStatus } from '../fixtures/companion-status';

const DEV_URL = 'http://127.0.0.1:5173/';

const attendance = attendanceStatus();

/** Handlers for every contract call (so calls added later need no edit here); only four do anything. */
function handlersRecording(calls: WorkMode[]): IpcHandlers {
  const unused = () => {
    throw new Error('not used in these tests');
  };
  const everyCall = Object.fromEntries(ipcCallNames.map((name) => [name, unused])) as unknown as IpcHandlers;
  return {
    ...everyCall,
    checkIn: ({ mode }) => {
      calls.push(mode);
      return { ...attendance, checkedIn: true, session: { id: 's1', mode, startedAt: 1 } };
    },
    checkOut: () => {
      throw new CompanionError('not_checked_in', { id: 'Anda belum check-in.', en: 'You are not checked in.' });
    },
    getLanguage: () => ({ language: 'id' }),
    setLanguage: ({ language }) => ({ language }),
  };
}

/** Returns the error of a failed result; throws, naming the value, when the call succeeded. */
function failure(result: IpcResult<unknown>): IpcError {
  if (result.ok) throw new Error(`Expected the call to fail, but it returned ${JSON.stringify(result.value)}`);
  return result.error;
}

function success<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`Expected the call to succeed, but it failed: ${result.error.message}`);
  return result.value as T;
}

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly channels = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.channels.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.channels.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.channels.delete(channel);
  }

  async invoke(channel: string, event: IpcMainInvokeEvent, input: unknown): Promise<IpcResult<unknown>> {
    const listener = this.channels.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener(event, input)) as IpcResult<unknown>;
  }
}

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  frameTreeNodeId: number;
}

/** A window's web contents with its main frame at `url`. */
function windowContents(id: number, url: string) {
  const mainFrame: FakeFrame = { url, parent: null, frameTreeNodeId: id * 100 };
  return { id, mainFrame };
}

function eventFrom(contents: { id: number; mainFrame: FakeFrame }, frame: FakeFrame | null = contents.mainFrame): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

function setup(location: RendererLocation = { kind: 'dev-server', url: DEV_URL }, ownIds: number[] = [1]) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }, 'ipc');
  const ipcMain = new FakeIpcMain();
  const calls: WorkMode[] = [];
  const isTrustedSender: SenderCheck = createSenderCheck({
    location,
    isOwnWebContents: (contents) => ownIds.includes(contents.id),
  });
  const unregister = registerIpcHandlers({ ipcMain, handlers: handlersRecording(calls), isTrustedSender, logger });
  return { ipcMain, calls, lines, unregister };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract calls', () => {
    const { ipcMain, unregister } = setup();

    expect([...ipcMain.channels.keys()].sort()).toEqual(ipcCallNames.map(callChannel).sort());
    expect(ipcMain.channels.size).toBe(ipcCallNames.length);

    unregister();
    expect(ipcMain.channels.size).toBe(0);
  });

  it('runs a call from the app page', async () => {
    const { ipcMain, calls } = setup();
    const contents = windowContents(1, `${DEV_URL}#/home`);

    const result = await ipcMain.invoke(callChannel('checkIn'), eventFrom(contents), { mode: 'wfh' });

    expect(success<AttendanceStatus>(result).checkedIn).toBe(true);
    expect(calls).toEqual(['wfh']);
  });

  it('rejects a frame from another origin', async () => {
    const { ipcMain, calls, lines } = setup();
    const contents = windowContents(1, 'http://127.0.0.1:9999/elsewhere');

    const result = await ipcMain.invoke(callChannel('checkIn'), eventFrom(contents), { mode: 'wfh' });

    expect(failure(result).code).toBe('forbidden_sender');
    expect(failure(result).message).toContain('http://127.0.0.1:9999');
    expect(calls).toEqual([]);
    const logged = lines.find((line) => line.message === 'IPC call rejected: untrusted sender');
    expect(logged?.call).toBe('checkIn');
    expect(logged?.level).toBe('warn');
  });

  it('rejects a subframe of the app page', async () => {
    const { ipcMain, calls } = setup();
    const contents = windowContents(1, DEV_URL);
    const subframe: FakeFrame = { url: DEV_URL, parent: contents.mainFrame, frameTreeNodeId: 555 };

    const result = await ipcMain.invoke(callChannel('checkIn'), eventFrom(contents, subframe), { mode: 'wfh' });

    expect(failure(result).code).toBe('forbidden_sender');
    expect(failure(result).message).toContain('subframe');
    expect(calls).toEqual([]);
  });

  it('rejects a frame that is gone', async () => {
    const { ipcMain } = setup();

    const result = await ipcMain.invoke(callChannel('getLanguage'), eventFrom(windowContents(1, DEV_URL), null), {});

    expect(failure(result).code).toBe('forbidden_sender');
  });

  it('rejects a web contents the app did not create', async () => {
    const { ipcMain } = setup();

    const result = await ipcMain.invoke(callChannel('getLanguage'), eventFrom(windowContents(2, DEV_URL)), {});

    expect(failure(result).code).toBe('forbidden_sender');
    expect(failure(result).message).toContain('not a window of this app');
  });

  it('accepts only the app:// page when packaged', async () => {
    const location = resolveRendererLocation({ isPackaged: true, devServerUrl: DEV_URL, indexHtmlPath: '/opt/app/dist/renderer/index.html' });
    const { ipcMain } = setup(location);

    const own = await ipcMain.invoke(callChannel('getLanguage'), eventFrom(windowContents(1, `${location.url}#/home`)), {});
    const file = await ipcMain.invoke(callChannel('getLanguage'), eventFrom(windowContents(1, 'file:///opt/app/dist/renderer/index.html')), {});
    const otherHost = await ipcMain.invoke(callChannel('getLanguage'), eventFrom(windowContents(1, 'app://elsewhere/index.html')), {});
    const devServer = await ipcMain.invoke(callChannel('getLanguage'), eventFrom(windowContents(1, DEV_URL)), {});

    expect(location.kind).toBe('app');
    expect(own).toEqual({ ok: true, value: { language: 'id' } });
    expect(failure(file).code).toBe('forbidden_sender');
    expect(failure(otherHost).message).toContain('app://elsewhere');
    expect(failure(devServer).code).toBe('forbidden_sender');
  });

  it('rejects invalid input naming the field', async () => {
    const { ipcMain, calls } = setup();

    const result = await ipcMain.invoke(callChannel('checkIn'), eventFrom(windowContents(1, DEV_URL)), { mode: 'beach' });

    expect(failure(result).code).toBe('invalid_input');
    expect(failure(result).message).toMatch(/mode/);
    expect(calls).toEqual([]);
  });

  it('logs an invalid payload', async () => {
    const { ipcMain, lines } = setup();

    await ipcMain.invoke(callChannel('checkIn'), eventFrom(windowContents(1, DEV_URL)), { mode: 'beach' });

    const logged = lines.find((line) => line.message === 'IPC call failed');
    expect(logged?.call).toBe('checkIn');
    expect(logged?.code).toBe('invalid_input');
    expect(logged?.level).toBe('warn');
  });

  it('rejects an unexpected field by name', async () => {
    const { ipcMain } = setup();

    const result = await ipcMain.invoke(callChannel('setLanguage'), eventFrom(windowContents(1, DEV_URL)), { language: 'en', extra: 1 });

    expect(failure(result).code).toBe('invalid_input');
    expect(failure(result).message).toContain('extra');
  });

  it('returns a companion error with both texts', async () => {
    const { ipcMain, lines } = setup();

    const result = await ipcMain.invoke(callChannel('checkOut'), eventFrom(windowContents(1, DEV_URL)), {});

    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'You are not checked in.', text: { id: 'Anda belum check-in.', en: 'You are not checked in.' } },
    });
    expect(lines.some((line) => line.message === 'IPC call failed' && line.call === 'checkOut')).toBe(true);
  });
});

describe('sendEvent', () => {
  it('pushes to live windows only', () => {
    const sent: Array<{ window: string; channel: string; payload: unknown }> = [];
    const window = (name: string, destroyed: boolean) => ({
      webContents: {
        isDestroyed: () => destroyed,
        send: (channel: string, payload: unknown) => sent.push({ window: name, channel, payload }),
      },
    });
    const status = { marker: 'status' } as never;

    sendEvent([window('open', false), window('closed', true)], 'statusChanged', status);

    expect(sent).toEqual([{ window: 'open', channel: eventChannel('statusChanged'), payload: status }]);
  });
});
