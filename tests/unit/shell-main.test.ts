// The built main-process bundle (dist-electron/main.js, built here into a scratch folder) run in Node
// with a recording stand-in for the 'electron' module. Everything else is real: the companion on
// SQLite, the demo central server on 127.0.0.1, the IPC wrapper, the tray controller, quitting.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompanionStatus } from '../../shared/domain';
import type { WorkTimeView } from '../../shared/worktime';
import { callChannel, eventChannel, ipcCallNames, type IpcCallName, type IpcResult } from '../../shared/ipc';
import { Companion } from '../../electron/core/companion';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';

const projectRoot = resolve(import.meta.dirname, '..', '..');

// Outside node_modules, so vitest runs the bundle through its module runner and the 'electron' mock applies.
const bundleDir = join(projectRoot, 'test-results', `shell-main-bundle-${process.pid}`);

interface MenuItem {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  readonly mainFrame: { url: string; parent: null; frameTreeNodeId: number };

  constructor(readonly id: number) {
    super();
    this.mainFrame = { url: '', parent: null, frameTreeNodeId: id * 10 };
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  isDestroyed(): boolean {
    return false;
  }

  isLoading(): boolean {
    return false;
  }

  setWindowOpenHandler(): void {}
}

class FakeElectron {
  readonly log: string[] = [];
  readonly exitCodes: number[] = [];
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  readonly notifications: Array<{ title: string; body: string }> = [];
  /** Power events the test can emit; the system idle time reads 0. */
  readonly powerMonitor = Object.assign(new EventEmitter(), { getSystemIdleTime: () => 0 });
  readonly windows: Array<EventEmitter & { options: Record<string, unknown>; webContents: FakeWebContents; loadedUrl: string; visible: boolean }> = [];
  readonly trays: Array<{ menus: Array<{ template: MenuItem[] }>; toolTips: string[] }> = [];
  readonly handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  readonly app: EventEmitter;
  readonly module: Record<string, unknown>;

  constructor(options: { userData: string; lock: boolean; trayAvailable: boolean }) {
    // The stand-in classes below record into these arrays of this instance.
    const { log, exitCodes, errorBoxes, notifications, windows, trays, handlers } = this;
    let nextContentsId = 1;

    const app = Object.assign(new EventEmitter(), {
      isPackaged: false,
      requestSingleInstanceLock: () => {
        log.push('requestSingleInstanceLock');
        return options.lock;
      },
      setAppUserModelId: (id: string) => log.push(`setAppUserModelId ${id}`),
      whenReady: () => {
        log.push('whenReady');
        return Promise.resolve();
      },
      getPath: (name: string) => {
        log.push(`getPath ${name}`);
        return options.userData;
      },
      getVersion: () => '0.1.0',
      getAppPath: () => projectRoot,
      exit: (code: number) => {
        log.push(`exit ${code}`);
        exitCodes.push(code);
      },
      quit: () => log.push('quit'),
    });
    this.app = app;

    class BrowserWindow extends EventEmitter {
      readonly webContents = new FakeWebContents(nextContentsId++);
      loadedUrl = '';
      visible = false;

      constructor(readonly options: Record<string, unknown>) {
        super();
        windows.push(this);
      }

      loadURL(url: string): Promise<void> {
        this.loadedUrl = url;
        this.webContents.mainFrame.url = url;
        return Promise.resolve();
      }

      isDestroyed = () => false;
      isMinimized = () => false;
      restore = () => {};
      show = () => (this.visible = true);
      focus = () => {};
      hide = () => (this.visible = false);
    }

    class Tray {
      readonly menus: Array<{ template: MenuItem[] }> = [];
      readonly toolTips: string[] = [];

      constructor() {
        if (!options.trayAvailable) throw new Error('No StatusNotifier host on this desktop');
        trays.push(this);
      }

      setContextMenu(menu: { template: MenuItem[] }) {
        this.menus.push(menu);
      }

      setToolTip(text: string) {
        this.toolTips.push(text);
      }

      on() {}
      destroy() {}
    }

    class Notification extends EventEmitter {
      static isSupported = () => true;

      constructor(private readonly content: { title: string; body: string }) {
        super();
      }

      show() {
        notifications.push(this.content);
      }
    }

    this.module = {
      app,
      BrowserWindow,
      Tray,
      Notification,
      Menu: { buildFromTemplate: (template: MenuItem[]) => ({ template }) },
      nativeImage: { createFromPath: (path: string) => ({ path, isEmpty: () => !existsSync(path) }) },
      ipcMain: {
        handle: (channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, listener),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: () => {},
          setPermissionCheckHandler: () => {},
          webRequest: { onHeadersReceived: () => {} },
        },
      },
      dialog: {
        showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
      },
      powerMonitor: this.powerMonitor,
      net: { isOnline: () => true },
    };
  }

  /** Calls the contract the way the window's preload would. */
  async invoke<T>(name: IpcCallName, input: unknown = {}): Promise<IpcResult<T>> {
    const window = this.windows[0];
    if (!window) throw new Error('No window was created');
    const listener = this.handlers.get(callChannel(name));
    if (!listener) throw new Error(`No handler for ${name}`);
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    return (await listener(event, input)) as IpcResult<T>;
  }

  currentMenu(): MenuItem[] {
    const menus = this.trays[0]?.menus ?? [];
    return menus.at(-1)?.template ?? [];
  }

  menuItem(id: string): MenuItem {
    const found = this.currentMenu().find((item) => item.id === id);
    if (!found) throw new Error(`No tray item "${id}"; menu: ${JSON.stringify(this.currentMenu().map((item) => item.label))}`);
    return found;
  }
}

const savedEnv = { ...process.env };
let userData: string;
let launched: FakeElectron[] = [];

async function launch(options: { lock?: boolean; trayAvailable?: boolean; userData?: string } = {}): Promise<FakeElectron> {
  const fake = new FakeElectron({ userData: options.userData ?? userData, lock: options.lock ?? true, trayAvailable: options.trayAvailable ?? true });
  launched.push(fake);
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import(pathToFileURL(join(bundleDir, 'main.js')).href);
  return fake;
}

async function started(fake: FakeElectron): Promise<void> {
  await vi.waitFor(() => expect(fake.windows.length + fake.exitCodes.length).toBeGreaterThan(0), { timeout: 15_000 });
}

async function quitFromTray(fake: FakeElectron): Promise<void> {
  fake.menuItem('quit').click?.();
  await vi.waitFor(() => expect(fake.exitCodes).toEqual([0]), { timeout: 15_000 });
}

beforeAll(async () => {
  mkdirSync(bundleDir, { recursive: true });
  await build({ configFile: join(projectRoot, 'vite.config.ts'), mode: 'main', logLevel: 'silent', build: { outDir: bundleDir } });
}, 60_000);

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'shell-main-'));
  launched = [];
  // A hermetic run: no dev server, no configured central system, no keychain from the session bus.
  delete process.env.VITE_DEV_SERVER_URL;
  delete process.env.ASN_COMPANION_CENTRAL_URL;
  delete process.env.DBUS_SESSION_BUS_ADDRESS;
  // From source the shell echoes its log to stderr; the same lines are in the log file.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  // A test that failed before quitting leaves its demo server and timers running; quit them here.
  for (const fake of launched) {
    if (fake.exitCodes.length === 0 && fake.trays.length > 0) await quitFromTray(fake).catch(() => {});
  }
  vi.doUnmock('electron');
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  rmSync(userData, { recursive: true, force: true });
});

describe('main process bundle', () => {
  it('lets a second instance exit before opening anything', async () => {
    const fake = await launch({ lock: false });

    expect(fake.log).toEqual(['requestSingleInstanceLock', 'exit 0']);
    expect(readdirSync(userData)).toEqual([]);
  });

  it('starts in demo mode from source', async () => {
    const fake = await launch();
    await started(fake);

    expect(fake.log.slice(0, 3)).toEqual(['requestSingleInstanceLock', 'whenReady', 'getPath userData']);
    expect(fake.exitCodes).toEqual([]);
    expect([...fake.handlers.keys()].sort()).toEqual(ipcCallNames.map(callChannel).sort());

    const status = await fake.invoke<CompanionStatus>('getStatus');
    expect(status.ok).toBe(true);
    if (!status.ok) return;
    expect(status.value.demoMode).toBe(true);
    expect(status.value.enrollment?.centralUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(join(userData, 'companion.sqlite3'))).toBe(true);
    expect(existsSync(join(userData, 'demo-central.sqlite3'))).toBe(true);

    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe(pathToFileURL(join(bundleDir, '..', 'dist', 'renderer', 'index.html')).href);
    expect(window.options.webPreferences).toMatchObject({
      preload: join(bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window.visible).toBe(true);
    expect(fake.trays[0]?.toolTips.at(-1)).toBe('Pendamping Kerja ASN (Mode demo)\nBelum check-in');

    await quitFromTray(fake);
  });

  it('updates the tray and window after a check-in', async () => {
    const fake = await launch();
    await started(fake);
    expect(fake.menuItem('check-in').label).toBe('Check-in WFH');

    const checkIn = await fake.invoke('checkIn', { mode: 'wfh' });
    expect(checkIn.ok).toBe(true);
    expect(fake.menuItem('check-out').label).toBe('Check-out');
    const pushed = fake.windows[0]!.webContents.sent.filter((message) => message.channel === eventChannel('statusChanged'));
    expect((pushed.at(-1)?.payload as CompanionStatus).attendance.checkedIn).toBe(true);

    fake.menuItem('check-out').click?.();
    expect(fake.menuItem('check-in').label).toBe('Check-in WFH');

    await fake.invoke('setLanguage', { language: 'en' });
    expect(fake.menuItem('check-in').label).toBe('Check in (WFH)');

    await quitFromTray(fake);
  });

  it('feeds a screen lock into working time', async () => {
    const fake = await launch();
    await started(fake);
    await fake.invoke('checkIn', { mode: 'wfh' });

    fake.powerMonitor.emit('lock-screen');
    const locked = await fake.invoke<WorkTimeView>('getWorkTime');
    expect(locked.ok && locked.value.aways.map((away) => [away.reason, away.endedAt, away.decision])).toEqual([['lock', null, 'pending']]);

    // An unlock within the policy threshold leaves no away time behind.
    fake.powerMonitor.emit('unlock-screen');
    const unlocked = await fake.invoke<WorkTimeView>('getWorkTime');
    expect(unlocked.ok && unlocked.value.aways).toEqual([]);

    await quitFromTray(fake);
  });

  it('rejects invalid input from the window', async () => {
    const fake = await launch();
    await started(fake);

    const result = await fake.invoke('checkIn', { mode: 'beach' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('mode');
    await quitFromTray(fake);
  });

  it('delivers the outbox when quitting from the tray', async () => {
    const fake = await launch();
    await started(fake);
    await fake.invoke('checkIn', { mode: 'wfh' });

    await quitFromTray(fake);

    const reopened = await Companion.open({ dataDir: userData, secretStore: new MemorySecretStore(), logSink: silentSink });
    try {
      expect(reopened.status().outbox).toMatchObject({ queued: 0, inFlight: 0, sent: 1 });
    } finally {
      reopened.close();
    }
  });

  it('shows the window to a second launch', async () => {
    const fake = await launch();
    await started(fake);
    const window = fake.windows[0]!;
    window.visible = false;

    fake.app.emit('second-instance');

    expect(window.visible).toBe(true);
    await quitFromTray(fake);
  });

  it('hides the window on close while the tray exists', async () => {
    const fake = await launch();
    await started(fake);
    const window = fake.windows[0]!;
    let prevented = false;

    window.emit('close', { preventDefault: () => (prevented = true) });

    expect(prevented).toBe(true);
    expect(window.visible).toBe(false);
    await quitFromTray(fake);
  });

  it('quits with the last window when there is no tray', async () => {
    const fake = await launch({ trayAvailable: false });
    await started(fake);
    let prevented = false;

    fake.windows[0]!.emit('close', { preventDefault: () => (prevented = true) });
    fake.app.emit('window-all-closed');

    expect(prevented).toBe(false);
    await vi.waitFor(() => expect(fake.exitCodes).toEqual([0]), { timeout: 15_000 });
  });

  it('stops with a bilingual dialog when the data folder is unusable', async () => {
    const blocked = join(userData, 'not-a-folder');
    writeFileSync(blocked, 'a file where the data folder should be');

    const fake = await launch({ userData: blocked });
    await vi.waitFor(() => expect(fake.exitCodes).toEqual([1]), { timeout: 15_000 });

    expect(fake.windows).toEqual([]);
    expect(fake.errorBoxes).toHaveLength(1);
    const dialog = fake.errorBoxes[0]!;
    expect(dialog.title).toBe('Pendamping Kerja ASN tidak dapat dibuka / ASN Work Companion cannot start');
    expect(dialog.content).toContain('tidak dapat dibuka');
    expect(dialog.content).toContain('cannot be opened');
    expect(dialog.content).toContain(join(blocked, 'companion.sqlite3'));
  });
});
