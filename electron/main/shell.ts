// Wires the running companion to Electron: IPC, the main window, the tray, status pushes and quitting.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, net, Notification, powerMonitor, session, Tray } from 'electron';
import type { CompanionStatus } from '../../shared/domain';
import type { Companion } from '../core/companion';
import { createHandlers } from '../core/ipc/handlers';
import type { Logger } from '../core/logger';
import { attachDelivery } from './delivery';
import type { DemoCentral } from './demo';
import { createSenderCheck, registerIpcHandlers, sendEvent } from './ipc';
import { attachPowerMonitor, withActionsAsInput } from './power-monitor';
import { watchWorktime } from './worktime-notices';
import { resolveRendererLocation } from './renderer-url';
import { applySessionPolicy } from './security';
import { createShutdown } from './shutdown';
import { TrayController } from './tray';
import { createTrayActions } from './tray-actions';
import { MainWindow } from './window';

/** How often the tray's worked-time line is refreshed while checked in. */
const TRAY_REFRESH_MS = 60_000;

export interface Shell {
  showWindow(): void;
}

/** Folder holding the tray icons: beside the app's resources when packaged, build/tray from source. */
function trayIconPath(): string {
  const folder = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
  return join(folder, 'tray.png');
}

function createTray(logger: Logger): Tray {
  const path = trayIconPath();
  const icon = nativeImage.createFromPath(path);
  if (icon.isEmpty()) logger.warn('Tray icon not found or unreadable; the tray shows an empty icon', { path });
  return new Tray(icon);
}

function showNotification(title: string, body: string, onClick?: () => void): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title, body });
  if (onClick) notification.on('click', onClick);
  notification.show();
  return true;
}

/**
 * Sends every status change to the window and the tray, and refreshes the worked time each minute
 * while checked in. Returns a function that stops both.
 */
function publishStatus(companion: Companion, mainWindow: MainWindow, tray: TrayController<Menu>, logger: Logger): () => void {
  const publish = (status: CompanionStatus) => {
    // The companion calls this after committing a check-in or another action, so a failure here must
    // not turn a stored action into an error for the caller.
    try {
      sendEvent(mainWindow.windows(), 'statusChanged', status);
      tray.update(status, companion.language());
    } catch (error) {
      logger.error('Publishing the status failed', { error: (error as Error).message });
    }
  };
  const unsubscribe = companion.onStatusChanged(publish);

  const refresh = setInterval(() => {
    try {
      const status = companion.status();
      if (status.attendance.checkedIn) publish(status);
    } catch (error) {
      logger.error('Refreshing the status failed', { error: (error as Error).message });
    }
  }, TRAY_REFRESH_MS);

  return () => {
    clearInterval(refresh);
    unsubscribe();
  };
}

export function startShell(companion: Companion, demoCentral: DemoCentral | null, logger: Logger): Shell {
  const location = resolveRendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.VITE_DEV_SERVER_URL,
    indexHtmlPath: join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html'),
  });
  applySessionPolicy(session.defaultSession, location, logger.child('security'));

  let quitting = false;
  const tray: TrayController<Menu> = new TrayController({
    createTray: () => createTray(logger),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    actions: createTrayActions({
      companion,
      setCheckRunning: (running) => tray.setCheckRunning(running),
      showWindow: () => mainWindow.show(),
      quit: () => quit(),
      notify: showNotification,
      logger: logger.child('tray'),
    }),
    logger: logger.child('tray'),
  });

  const mainWindow = new MainWindow({
    createBrowserWindow: (options) => new BrowserWindow(options),
    location,
    preloadPath: join(import.meta.dirname, 'preload.cjs'),
    shouldHideOnClose: () => tray.available && !quitting,
    allowDevTools: !app.isPackaged,
    logger: logger.child('window'),
  });

  registerIpcHandlers({
    ipcMain,
    handlers: withActionsAsInput(createHandlers(companion), companion.worktime.presence),
    isTrustedSender: createSenderCheck({ location, isOwnWebContents: (contents) => mainWindow.owns(contents) }),
    logger: logger.child('ipc'),
  });

  const stopPublishing = publishStatus(companion, mainWindow, tray, logger);

  // Presence, the heartbeat and reminders run only in the long-running app, never in the CLI.
  companion.startPresence();
  const detachPower = attachPowerMonitor({
    powerMonitor,
    presence: companion.worktime.presence,
    reminders: companion.reminders,
    idlePollMs: companion.policies.active().worktime.presence.heartbeatSeconds * 1000,
    logger: logger.child('power'),
  });
  const detachDelivery = attachDelivery({
    delivery: companion.delivery,
    powerMonitor,
    isOnline: () => net.isOnline(),
    logger: logger.child('delivery'),
  });
  // Clicking a return-prompt notification opens the window, where the prompt waits as a dialog.
  const stopNotices = watchWorktime(companion, showNotification, () => mainWindow.show(), logger.child('notices'));

  const shutdown = createShutdown({
    flush: () => companion.flush(),
    close: async () => {
      stopPublishing();
      detachPower();
      detachDelivery();
      stopNotices();
      tray.destroy();
      companion.close();
      await demoCentral?.close();
    },
    exit: (code) => app.exit(code),
    logger,
  });
  const quit = () => {
    quitting = true;
    void shutdown();
  };

  // With a tray the app keeps running when its window closes. Without one, closing the window quits,
  // because a hidden window with no tray icon would leave a process the user cannot reach.
  app.on('window-all-closed', () => {
    if (!tray.available) quit();
  });
  // Quit from the OS (log out, Cmd+Q) goes through the same bounded flush. The shutdown ends in
  // app.exit, which does not emit before-quit again.
  app.on('before-quit', (event) => {
    event.preventDefault();
    quit();
  });
  app.on('activate', () => mainWindow.show());

  if (!tray.start(companion.status(), companion.language())) {
    logger.warn('Running without a tray icon: closing the window quits the app');
  }
  mainWindow.show();
  return { showWindow: () => mainWindow.show() };
}
