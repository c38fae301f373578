// Starting at login: the XDG autostart entry on Linux in a temporary HOME, and Electron's login item
// settings on Windows and macOS through a recording app object.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginItemSettings, Settings } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcCallNames } from '../../shared/ipc';
import { isCompanionError } from '../../electron/core/errors';
import type { IpcHandlers } from '../../electron/core/ipc/handlers';
import { createLogger, silentSink } from '../../electron/core/logger';
import { autostartEntry, autostartEntryPath, isOpenAtLogin, setOpenAtLogin, withLoginItem, type LoginItemHost } from '../../electron/main/login-item';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function recordingApp() {
  const calls: Settings[] = [];
  let openAtLogin = false;
  return {
    calls,
    app: {
      setLoginItemSettings: (settings: Settings) => {
        calls.push(settings);
        openAtLogin = settings.openAtLogin ?? false;
      },
      getLoginItemSettings: () => ({ openAtLogin }) as LoginItemSettings,
    },
  };
}

function linuxHost(env: NodeJS.ProcessEnv = {}): LoginItemHost & { homeDir: string } {
  const homeDir = mkdtempSync(join(tmpdir(), 'login-item-home-'));
  homes.push(homeDir);
  return { platform: 'linux', env, homeDir, executablePath: '/opt/Pendamping Kerja ASN/asn-companion', app: recordingApp().app };
}

describe('login item on Linux', () => {
  it('writes the autostart entry', () => {
    const host = linuxHost();

    setOpenAtLogin(host, true);

    const path = join(host.homeDir, '.config', 'autostart', 'id.pendampingkerja.asn.desktop');
    expect(readFileSync(path, 'utf8')).toContain('Exec="/opt/Pendamping Kerja ASN/asn-companion"\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(isOpenAtLogin(host)).toBe(true);
  });

  it('removes the entry when turned off', () => {
    const host = linuxHost();
    setOpenAtLogin(host, true);

    setOpenAtLogin(host, false);
    setOpenAtLogin(host, false);

    expect(isOpenAtLogin(host)).toBe(false);
  });

  it('honours XDG_CONFIG_HOME', () => {
    expect(autostartEntryPath({ XDG_CONFIG_HOME: '/home/ani/cfg' }, '/home/ani')).toBe('/home/ani/cfg/autostart/id.pendampingkerja.asn.desktop');
    expect(autostartEntryPath({ XDG_CONFIG_HOME: 'relative' }, '/home/ani')).toBe('/home/ani/.config/autostart/id.pendampingkerja.asn.desktop');
  });

  it('treats a disabled entry as off', () => {
    const host = linuxHost();
    setOpenAtLogin(host, true);
    const path = autostartEntryPath(host.env, host.homeDir);

    writeFileSync(path, readFileSync(path, 'utf8').replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'));

    expect(isOpenAtLogin(host)).toBe(false);
  });

  it('quotes special characters in Exec', () => {
    expect(autostartEntry('/home/ani/Apps/asn-companion.AppImage')).toContain('Exec=/home/ani/Apps/asn-companion.AppImage\n');
    expect(autostartEntry('/home/ani/$dir "x"/app')).toContain('Exec="/home/ani/\\$dir \\"x\\"/app"\n');
  });
});

describe('login item on Windows and macOS', () => {
  it.each(['win32', 'darwin'] as const)('uses setLoginItemSettings on %s', (platform) => {
    const { app, calls } = recordingApp();
    const home = mkdtempSync(join(tmpdir(), 'login-item-home-'));
    homes.push(home);
    const host: LoginItemHost = { platform, env: {}, homeDir: home, executablePath: 'C:\\Program Files\\asn-companion.exe', app };

    setOpenAtLogin(host, true);

    expect(calls).toEqual([{ openAtLogin: true }]);
    expect(isOpenAtLogin(host)).toBe(true);
    expect(() => statSync(autostartEntryPath({}, home))).toThrow(/ENOENT/);
  });
});

describe('withLoginItem', () => {
  const logger = createLogger(silentSink, 'login-item');
  const coreHandlers = Object.fromEntries(ipcCallNames.map((name) => [name, () => `core ${name}`])) as unknown as IpcHandlers;

  it('keeps the core handlers from source', () => {
    const handlers = withLoginItem(coreHandlers, linuxHost(), { isPackaged: false, logger });

    expect(handlers).toBe(coreHandlers);
  });

  it('turns the entry on when packaged', async () => {
    const host = linuxHost();
    const handlers = withLoginItem(coreHandlers, host, { isPackaged: true, logger });

    expect(await handlers.getOpenAtLogin({})).toEqual({ available: true, enabled: false });
    expect(await handlers.setOpenAtLogin({ enabled: true })).toEqual({ available: true, enabled: true });
    expect(readFileSync(autostartEntryPath(host.env, host.homeDir), 'utf8')).toContain('Exec=');
  });

  it('explains a failed change in both languages', async () => {
    const host = linuxHost();
    // A file where the .config folder should be makes creating the autostart folder fail.
    writeFileSync(join(host.homeDir, '.config'), 'not a folder');
    const handlers = withLoginItem(coreHandlers, host, { isPackaged: true, logger });

    const error = await Promise.resolve()
      .then(() => handlers.setOpenAtLogin({ enabled: true }))
      .catch((caught: unknown) => caught);

    expect(isCompanionError(error)).toBe(true);
    if (!isCompanionError(error)) return;
    expect(error.text.id).toContain('Pengaturan buka saat login tidak dapat diubah');
    expect(error.text.en).toContain('Starting at login could not be changed');
  });
});
