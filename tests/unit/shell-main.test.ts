// The built main-process bundle (dist-electron/main.js, built here into a scratch folder) run in Node
// with a recording stand-in for the 'electron' module. Everything else is real: the companion on
// SQLite, the demo central server on 127.0.0.1, the IPC wrapper, the tray controller, quitting.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { APP_ID } from '../../electron/main/app-id';

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

  /** Stands in for Chromium's printing in the hidden PDF window (print-pdf.ts). */
  printToPDF(): Promise<Buffer> {
    return Promise.resolve(Buffer.from(`%PDF-1.7\n% printed from ${this.mainFrame.url.slice(0, 40)}\n%%EOF\n`));
  }
}

class FakeElectron {
  readonly log: string[] = [];
  readonly exitCodes: number[] = [];
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  readonly notifications: Array<{ title: string; body: string }> = [];
  /** Callbacks registered through Notification.handleActivation. */
  readonly activationHandlers: Array<(details: { type: string; arguments: string }) => void> = [];
  /** Power events the test can emit; the system idle time reads 0. */
  readonly powerMonitor = Object.assign(new EventEmitter(), { getSystemIdleTime: () => 0 });
  readonly windows: Array<
    EventEmitter & { options: Record<string, unknown>; webContents: FakeWebContents; loadedUrl: string; visible: boolean; flashes: number }
  > = [];
  readonly trays: Array<{ menus: Array<{ template: MenuItem[] }>; toolTips: string[]; images: Array<{ path: string }>; destroyed: boolean }> = [];
  readonly handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  /** Calls of protocol and shell.openExternal, in order. */
  readonly protocolCalls: string[] = [];
  readonly app: EventEmitter;
  readonly module: Record<string, unknown>;

  constructor(options: { userData: string; lock: boolean; trayAvailable: boolean }) {
    // The stand-in classes below record into these arrays of this instance.
    const { log, exitCodes, errorBoxes, notifications, windows, trays, handlers, activationHandlers, protocolCalls } = this;
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
      // Linux and macOS only; false as on a desktop without a launcher badge.
      setBadgeCount: () => false,
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
      flashes = 0;
      isFocused = () => false;
      flashFrame = (flag: boolean) => {
        if (flag) this.flashes++;
      };
      destroy = () => {};
    }

    class Tray {
      readonly menus: Array<{ template: MenuItem[] }> = [];
      readonly toolTips: string[] = [];
      readonly images: Array<{ path: string }> = [];

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

      setImage(image: { path: string }) {
        this.images.push(image);
      }

      on() {}
      destroy() {
        this.destroyed = true;
      }

      destroyed = false;
    }

    class Notification extends EventEmitter {
      static isSupported = () => true;

      // Windows only: the one handler of toast clicks, also for toasts from an earlier run.
      static handleActivation = (callback: (details: { type: string; arguments: string }) => void) => {
        activationHandlers.push(callback);
      };

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
        // The in-memory session of the hidden PDF window (print-pdf.ts).
        fromPartition: () => ({
          setPermissionRequestHandler: () => {},
          setPermissionCheckHandler: () => {},
          webRequest: { onBeforeRequest: () => {} },
        }),
      },
      dialog: {
        showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
        // The PDF export's save dialog: the person types a name without ".pdf" in the data folder.
        showSaveDialog: () => Promise.resolve({ canceled: false, filePath: join(options.userData, 'ringkasan') }),
      },
      powerMonitor: this.powerMonitor,
      net: { isOnline: () => true },
      // app:// serves the built renderer; the scheme must be registered before whenReady.
      protocol: {
        registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) => protocolCalls.push(`register ${schemes.map((item) => item.scheme).join(',')} ${log.includes('whenReady') ? 'after' : 'before'} ready`),
        handle: (scheme: string) => protocolCalls.push(`handle ${scheme}`),
      },
      shell: { openExternal: (url: string) => Promise.resolve(void protocolCalls.push(`openExternal ${url}`)) },
    };
  }

  /** The app's own window: the one with the preload (Windows also has a hidden session-end window). */
  get mainWindow() {
    return this.windows.find((window) => (window.options.webPreferences as { preload?: string } | undefined)?.preload);
  }

  /** Calls the contract the way the window's preload would. */
  async invoke<T>(name: IpcCallName, input: unknown = {}): Promise<IpcResult<T>> {
    const window = this.mainWindow;
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
    expect(window.loadedUrl).toBe('app://renderer/index.html');
    expect(fake.protocolCalls).toEqual(['register app before ready', 'handle app']);
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

  it('exports the weekly summary as PDF', async () => {
    const fake = await launch();
    await started(fake);

    const result = await fake.invoke<{ saved: boolean; path: string | null; bytes: number }>('exportWeeklySummaryPdf', { weekStart: '2026-11-30', language: 'id' });
    const saved = join(userData, 'ringkasan.pdf');
    expect(result.ok ? result.value.path : result.error.message).toBe(saved);
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const printWindow = fake.windows[1]!;
    expect(printWindow.options).toMatchObject({ show: false });
    expect(printWindow.options.webPreferences).toMatchObject({ sandbox: true, javascript: false, partition: 'pdf-export' });
    expect((printWindow.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(printWindow.loadedUrl.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    const html = Buffer.from(printWindow.loadedUrl.slice(printWindow.loadedUrl.indexOf(',') + 1), 'base64').toString('utf8');
    expect(html).toContain('Ringkasan Kinerja Mingguan');

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

    // Electron passes the event, the second launch's argv and its working directory.
    fake.app.emit('second-instance', {}, ['asn-companion'], userData);

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

// The desktop-shell cases with their values, each through the built bundle.
describe('main process bundle, shell cases', () => {
  // 2026-03-02 (a Monday) in Asia/Jakarta (UTC+7); the default policy's day ends at 16:00.
  const MONDAY_1000_WIB = Date.UTC(2026, 2, 2, 3, 0);
  const MONDAY_1555_WIB = Date.UTC(2026, 2, 2, 8, 55);
  const MONDAY_1605_WIB = Date.UTC(2026, 2, 2, 9, 5);

  function withArgv<T>(extra: string[], run: () => Promise<T>): Promise<T> {
    const saved = process.argv;
    process.argv = [...saved, ...extra];
    return run().finally(() => {
      process.argv = saved;
    });
  }

  function withPlatform<T>(platform: NodeJS.Platform, run: () => Promise<T>): Promise<T> {
    const saved = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: platform });
    return run().finally(() => {
      Object.defineProperty(process, 'platform', saved);
    });
  }

  it('keeps one process for two launches a second apart', async () => {
    const first = await launch();
    await started(first);
    const window = first.windows[0]!;
    window.visible = false;
    const filesBefore = readdirSync(userData).sort();

    await new Promise((resolveWait) => setTimeout(resolveWait, 1_000));
    const second = await launch({ lock: false });
    // Electron delivers the second launch's command line to the instance that holds the lock.
    first.app.emit('second-instance', {}, ['asn-companion'], userData);

    expect(second.log).toEqual(['requestSingleInstanceLock', 'exit 0']);
    expect(second.windows).toEqual([]);
    expect(second.trays).toEqual([]);
    expect(readdirSync(userData).sort()).toEqual(filesBefore);
    expect(window.visible).toBe(true);
    expect(first.exitCodes).toEqual([]);
    await quitFromTray(first);
  });

  it('starts a brand-new profile', async () => {
    const fresh = join(userData, 'brand-new-profile');

    const fake = await launch({ userData: fresh });
    await started(fake);

    expect(existsSync(join(fresh, 'companion.sqlite3'))).toBe(true);
    expect(fake.windows[0]?.visible).toBe(true);
    expect(fake.menuItem('check-in').label).toBe('Check-in WFH');
    // Grey while not checked in, loaded from the icons that build/generate-icons.mjs draws.
    const icon = fake.trays[0]?.images.at(-1)?.path ?? '';
    expect(icon).toBe(join(projectRoot, 'build', 'tray', 'tray-idle.png'));
    expect(existsSync(icon)).toBe(true);
    await quitFromTray(fake);
  });

  it('works through the window without a tray', async () => {
    const fake = await launch({ trayAvailable: false });
    await started(fake);

    const checkIn = await fake.invoke<{ checkedIn: boolean }>('checkIn', { mode: 'wfh' });
    const checkOut = await fake.invoke<{ checkedIn: boolean }>('checkOut');
    const requests = await fake.invoke<{ requests: unknown[] }>('listRequests');

    expect(fake.trays).toEqual([]);
    expect(fake.windows[0]?.visible).toBe(true);
    expect(checkIn).toMatchObject({ ok: true, value: { checkedIn: true } });
    expect(checkOut).toMatchObject({ ok: true, value: { checkedIn: false } });
    expect(requests.ok).toBe(true);
    fake.app.emit('window-all-closed');
    await vi.waitFor(() => expect(fake.exitCodes).toEqual([0]), { timeout: 15_000 });
  });

  it('stays in the tray with every window closed', async () => {
    // Only Date is faked: reminders are computed from the wall clock, timers and I/O run for real.
    vi.useFakeTimers({ toFake: ['Date'], now: MONDAY_1555_WIB });
    try {
      const fake = await launch();
      await started(fake);
      await fake.invoke('checkIn', { mode: 'wfh' });
      let prevented = false;

      fake.windows[0]!.emit('close', { preventDefault: () => (prevented = true) });
      fake.app.emit('window-all-closed');

      expect(prevented).toBe(true);
      expect(fake.windows[0]!.visible).toBe(false);
      expect(fake.exitCodes).toEqual([]);
      expect(fake.trays[0]!.destroyed).toBe(false);

      // The 16:00 check-out reminder falls into a sleep from 15:55 to 16:05 and fires once on wake.
      fake.powerMonitor.emit('suspend');
      vi.setSystemTime(MONDAY_1605_WIB);
      fake.powerMonitor.emit('resume');
      const bodies = fake.notifications.map((notification) => notification.body);
      expect(bodies.filter((body) => body.includes('berakhir pukul 16:00'))).toHaveLength(1);

      await quitFromTray(fake);
      const reopened = await Companion.open({ dataDir: userData, secretStore: new MemorySecretStore(), logSink: silentSink });
      try {
        expect(reopened.status().outbox).toMatchObject({ queued: 0, inFlight: 0, sent: 1 });
      } finally {
        reopened.close();
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a request without notifications', async () => {
    // Inside the working window, so the core raises the request's alert at once.
    vi.useFakeTimers({ toFake: ['Date'], now: MONDAY_1000_WIB });
    try {
      const fake = await launch();
      await started(fake);
      (fake.module.Notification as { isSupported: () => boolean }).isSupported = () => false;
      const status = await fake.invoke<CompanionStatus>('getStatus');
      const centralUrl = status.ok ? status.value.enrollment?.centralUrl : undefined;

      const response = await fetch(`${centralUrl}/admin/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ level: 'emergency', sender: 'Kepala Bidang Perencanaan', subject: 'Data realisasi anggaran', body: 'Mohon dikirim.' }),
      });
      const { id } = (await response.json()) as { id: string };
      const polled = await fake.invoke('pollRequests');

      expect(response.status).toBe(201);
      expect(polled.ok).toBe(true);
      await vi.waitFor(() => expect(fake.menuItem(`request:${id}`).label).toBe('Darurat: Data realisasi anggaran (batas 10.30)'));
      expect(fake.notifications).toEqual([]);
      expect(fake.trays[0]!.images.at(-1)?.path).toMatch(/tray-idle-emergency\.png$/);
      expect(fake.windows[0]!.flashes).toBe(1);
      const channels = fake.windows[0]!.webContents.sent.map((message) => message.channel);
      expect(channels).toContain(eventChannel('requestAlert'));
      expect(channels).toContain(eventChannel('requestsChanged'));

      fake.menuItem(`request:${id}`).click?.();
      expect(fake.windows[0]!.loadedUrl).toMatch(new RegExp(`index\\.html#/permintaan/${id}$`));
      await quitFromTray(fake);
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens the request named on the command line', async () => {
    const fake = await withArgv(['--open-request=req-1500'], async () => {
      const launched = await launch();
      await started(launched);
      return launched;
    });

    expect(fake.mainWindow?.loadedUrl).toMatch(/index\.html#\/permintaan\/req-1500$/);
    await quitFromTray(fake);
  });

  it('opens a request handed over by a second launch', async () => {
    const fake = await launch();
    await started(fake);

    fake.app.emit('second-instance', {}, ['asn-companion', '--open-request=req-1500'], userData);

    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.loadedUrl).toMatch(/index\.html#\/permintaan\/req-1500$/);
    expect(fake.windows[0]!.visible).toBe(true);
    await quitFromTray(fake);
  });

  it('sets the AppUserModelID and opens toast clicks on Windows', async () => {
    const fake = await withPlatform('win32', async () => {
      const launched = await launch();
      await started(launched);
      return launched;
    });

    expect(fake.log).toContain(`setAppUserModelId ${APP_ID}`);
    expect(fake.activationHandlers).toHaveLength(1);

    // Windows passes the toast's launch argument, also for a toast shown before a restart.
    fake.activationHandlers[0]!({ type: 'click', arguments: '--open-request=req-1500' });

    expect(fake.mainWindow?.loadedUrl).toMatch(/index\.html#\/permintaan\/req-1500$/);
    await quitFromTray(fake);
  });

  it('closes the work session when Windows ends the session', async () => {
    const fake = await withPlatform('win32', async () => {
      const launched = await launch();
      await started(launched);
      return launched;
    });

    const checkIn = await fake.invoke('checkIn', { mode: 'wfh' });
    expect(checkIn.ok).toBe(true);
    const listener = fake.windows.find((window) => (window.options.webPreferences as { javascript?: boolean } | undefined)?.javascript === false);
    expect(listener?.options.show).toBe(false);

    listener!.emit('session-end');

    const status = await fake.invoke<CompanionStatus>('getStatus');
    expect(status.ok).toBe(true);
    if (status.ok) expect(status.value.attendance.checkedIn).toBe(false);
    await quitFromTray(fake);
  });
});
