// Starting the app at login, when the user turns it on. Windows and macOS keep the setting through
// app.setLoginItemSettings (the Run registry key, the login items list). Linux desktops read XDG
// autostart entries, which Electron does not write, so the app writes its own .desktop file there.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';
import { PRODUCT_NAME } from '../core/data-dir';
import { CompanionError } from '../core/errors';
import type { IpcHandlers } from '../core/ipc/handlers';
import type { Logger } from '../core/logger';
import { APP_ID } from './app-id';

export interface LoginItemHost {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** The executable to start: process.execPath, or the AppImage file itself (env.APPIMAGE). */
  executablePath: string;
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
}

/** Returns the XDG autostart entry of the app: $XDG_CONFIG_HOME/autostart, by default ~/.config/autostart. */
export function autostartEntryPath(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(configHome, 'autostart', `${APP_ID}.desktop`);
}

/** Quotes one Exec argument as the Desktop Entry Specification requires. */
function quoteExecArgument(argument: string): string {
  if (!/[\s"'\\`$<>|&;()*?#~=%]/.test(argument)) return argument;
  return `"${argument.replace(/(["`$\\])/g, '\\$1').replace(/%/g, '%%')}"`;
}

/** Builds the autostart entry that starts the executable at login. */
export function autostartEntry(executablePath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${PRODUCT_NAME}`,
    'Comment=Pendamping kerja WFH untuk ASN / Work-from-home companion for civil servants',
    `Exec=${quoteExecArgument(executablePath)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Turns starting at login on or off. */
export function setOpenAtLogin(host: LoginItemHost, enabled: boolean): void {
  if (host.platform !== 'linux') {
    host.app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }

  const path = autostartEntryPath(host.env, host.homeDir);
  if (!enabled) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, autostartEntry(host.executablePath), { mode: 0o644 });
}

/** Tells whether the app starts at login; on Linux, whether our entry exists and is not disabled. */
export function isOpenAtLogin(host: LoginItemHost): boolean {
  if (host.platform !== 'linux') return host.app.getLoginItemSettings().openAtLogin;

  const path = autostartEntryPath(host.env, host.homeDir);
  if (!existsSync(path)) return false;
  const entry = readFileSync(path, 'utf8');
  return !/^Hidden=true$/m.test(entry) && !/^X-GNOME-Autostart-enabled=false$/m.test(entry);
}

/**
 * Replaces the core's login-item handlers with ones that change the real setting. Only an installed
 * app offers it: from source the executable is the bare Electron binary, which would start no app.
 */
export function withLoginItem(handlers: IpcHandlers, host: LoginItemHost, options: { isPackaged: boolean; logger: Logger }): IpcHandlers {
  if (!options.isPackaged) return handlers;

  const state = () => ({ available: true, enabled: isOpenAtLogin(host) });
  return {
    ...handlers,
    getOpenAtLogin: () => state(),
    setOpenAtLogin: ({ enabled }) => {
      try {
        setOpenAtLogin(host, enabled);
      } catch (error) {
        options.logger.error('Changing the login item failed', { enabled, error: (error as Error).message });
        throw new CompanionError(
          'login_item_failed',
          {
            id: `Pengaturan buka saat login tidak dapat diubah: ${(error as Error).message}. Coba lagi, atau minta bantuan admin TI.`,
            en: `Starting at login could not be changed: ${(error as Error).message}. Try again, or ask your IT administrator.`,
          },
          { cause: error },
        );
      }
      options.logger.info('Login item changed', { enabled, platform: host.platform });
      return state();
    },
  };
}
