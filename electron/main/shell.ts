// Wires the running companion to Electron: IPC, the main window, the tray, status pushes and quitting.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, net, Notification, powerMonitor, protocol, session, shell, Tray, type NativeImage } from 'electron';
import type { CompanionStatus } from '../../shared/domain';
import type { Companion } from '../core/companion';
import { createHandlers } from '../core/ipc/handlers';
import type { Logger } from '../core/logger';
import { attachDelivery } from './delivery';
import { attachComplianceTriggers } from './compliance-triggers';
import type { DemoCentral } from './demo';
import { createSenderCheck, registerIpcHandlers, sendEvent } from './ipc';
import { attachPowerMonitor, withActionsAsInput } from './power-monitor';
import { PDF_PARTITION } from './print-pdf';
import { createPdfExporter, withSummaryPdfExport } from './summary-pdf';
import { watchWorktime } from './worktime-notices';
import { resolveRendererLocation } from './renderer-url';
import { applySessionPolicy, contentSecurityPolicy, httpsOriginAllowlist } from './security';
import { serveRenderer } from './app-protocol';
import { withLoginItem } from './login-item';
import { watchSessionEnd } from './session-end';
import { createShutdown } from './shutdown';
import { TrayController } from './tray';
import { trayIconFile } from './tray-icon';
import { requestRoute } from './open-request';
import { createNoticeNotifier, NotificationHolder } from './notification-holder';
import { RequestNotifier } from './request-notifications';
import { attachRequestPolling, attachRequests, showUnannounced } from './request-shell';
import { createTrayActions } from './tray-actions';
import { MainWindow } from './window';

/** How often the tray's worked-time line is refreshed while checked in. */
const TRAY_REFRESH_MS = 60_000;

export interface Shell {
  showWindow(): void;
  /** Shows the window at one request (a notification click, `--open-request=ID`), or at the Permintaan page for null. */
  openRequest(id: string | null): void;
}

/** Folder holding the tray icons: beside the app's resources when packaged, build/tray from source. */
function trayIconFolder(): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
}

function loadTrayImage(file: string, logger: Logger): NativeImage {
  const path = join(trayIconFolder(), file);
  const image = nativeImage.createFromPath(path);
  if (image.isEmpty()) logger.warn('Tray icon not found or unreadable; the tray shows an empty icon', { path });
  return image;
}

function createTray(logger: Logger): Tray {
  return new Tray(loadTrayImage('tray.png', logger));
}

/**
 * Sends every status change to the window and the tray, and refreshes the worked time each minute
 * while checked in. Returns a function that stops both.
 */
function publishStatus(companion: Companion, mainWindow: MainWindow, tray: TrayController<Menu, NativeImage>, logger: Logger): () => void {
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

/** Origins whose https pages may open in the system browser: the enrolled central system's. */
function centralOrigins(companion: Companion): string[] {
  const enrollment = companion.enrollment.current();
  return enrollment ? [new URL(enrollment.centralUrl).origin] : [];
}

/** Starts the shell; initialRequest is the `--open-request` id of the launch, shown first when given. */
export function startShell(companion: Companion, demoCentral: DemoCentral | null, logger: Logger, initialRequest: string | null = null): Shell {
  const heldNotices = new NotificationHolder();
  const showNotification = createNoticeNotifier(Notification, heldNotices, logger.child('notices'));
  const location = resolveRendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.VITE_DEV_SERVER_URL,
    indexHtmlPath: join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html'),
  });
  applySessionPolicy(session.defaultSession, location, logger.child('security'));
  if (location.kind === 'app') {
    serveRenderer(protocol, { root: location.root, csp: contentSecurityPolicy(location), logger: logger.child('app-protocol') });
  }

  let quitting = false;
  const tray = new TrayController<Menu, NativeImage>({
    createTray: () => createTray(logger),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadIcon: (icon) => loadTrayImage(trayIconFile(icon), logger.child('tray')),
    actions: createTrayActions({
      companion,
      setCheckRunning: (running) => tray.setCheckRunning(running),
      showWindow: () => mainWindow.show(),
      openRequest: (id) => mainWindow.show(requestRoute(id)),
      quit: () => quit(),
      notify: showNotification,
      logger: logger.child('tray'),
    }),
    logger: logger.child('tray'),
  });

  const mainWindow = new MainWindow({
    // The options come from mainWindowOptions (window.ts): isolated, sandboxed, no Node, no auxclick;
    // tests/unit/shell-security.test.ts checks them. Electronegativity sees only a variable here.
    createBrowserWindow: (options) => new BrowserWindow(options), /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
    location,
    preloadPath: join(import.meta.dirname, 'preload.cjs'),
    shouldHideOnClose: () => tray.available && !quitting,
    allowDevTools: !app.isPackaged,
    externalLinks: {
      isAllowed: httpsOriginAllowlist(() => centralOrigins(companion)),
      open: (url) => void shell.openExternal(url), /* eng-disable OPEN_EXTERNAL_JS_CHECK: only https URLs on the allowlist reach here (security.ts) */
    },
    logger: logger.child('window'),
  });

  // The weekly summary prints in its own hidden window: sandboxed, no preload, JavaScript off (print-pdf.ts).
  const pdfExporter = createPdfExporter({
    // JavaScript is off in the print window (print-pdf.ts), so no click there can open a window.
    createWindow: (options) => new BrowserWindow(options), /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
    showSaveDialog: (options) => {
      const [parent] = mainWindow.windows();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    pdfSession: session.fromPartition(PDF_PARTITION),
    logger: logger.child('pdf'),
  });
  const handlers = withLoginItem(
    withSummaryPdfExport(createHandlers(companion), { exporter: pdfExporter, language: () => companion.language() }),
    { platform: process.platform, env: process.env, homeDir: homedir(), executablePath: process.env.APPIMAGE ?? process.execPath, app },
    { isPackaged: app.isPackaged, logger: logger.child('login-item') },
  );

  registerIpcHandlers({
    ipcMain,
    handlers: withActionsAsInput(handlers, companion.worktime.presence),
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
  const detachSessionEnd = watchSessionEnd({
    platform: process.platform,
    createBrowserWindow: (options) => new BrowserWindow(options), /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
    onSessionEnd: () => companion.worktime.presence.shutdown(),
    logger: logger.child('power'),
  });
  const detachDelivery = attachDelivery({
    delivery: companion.delivery,
    powerMonitor,
    isOnline: () => net.isOnline(),
    logger: logger.child('delivery'),
  });
  const detachCompliance = attachComplianceTriggers({
    startSchedule: () => companion.startComplianceSchedule(),
    schedule: companion.complianceSchedule,
    powerMonitor,
    isOnline: () => net.isOnline(),
    logger: logger.child('compliance'),
  });
  // Clicking a return-prompt notification opens the window, where the prompt waits as a dialog.
  const stopNotices = watchWorktime(companion, showNotification, () => mainWindow.show(), logger.child('notices'));

  // Urgent requests: notifications with the request id, the tray list and badge, the window's events.
  const openRequest = (id: string | null) => mainWindow.show(requestRoute(id));
  const requestWindow = { tray, showWindow: (route: string) => mainWindow.show(route), flashWindow: () => mainWindow.flash() };
  const notifier = new RequestNotifier({
    Notification,
    platform: process.platform,
    language: () => companion.language(),
    openRequest,
    onUnannounced: (alert) => showUnannounced(requestWindow, alert.requestId),
    logger: logger.child('requests'),
  });
  const detachRequests = attachRequests({
    ...requestWindow,
    requests: companion.requests,
    notifier,
    windows: () => mainWindow.windows(),
    badge: process.platform === 'linux' || process.platform === 'darwin' ? app : null,
    logger: logger.child('requests'),
  });
  const detachRequestPolling = attachRequestPolling({
    pollNow: (reason) => companion.requests.pollNow(reason),
    powerMonitor,
    isOnline: () => net.isOnline(),
    logger: logger.child('requests'),
  });
  // A toast clicked in the Action Center after a restart reaches only this handler (Windows), and
  // macOS keeps earlier notifications in Notification Center without their click listeners.
  if (process.platform === 'win32') Notification.handleActivation((details) => notifier.activate(details.arguments));
  if (process.platform === 'darwin') {
    Notification.getHistory()
      .then((delivered) => notifier.adopt(delivered))
      .catch((error: unknown) => logger.warn('Reading delivered notifications failed', { error: (error as Error).message }));
  }

  const shutdown = createShutdown({
    flush: () => companion.flush(),
    close: async () => {
      stopPublishing();
      detachPower();
      detachSessionEnd();
      detachDelivery();
      detachCompliance();
      stopNotices();
      detachRequests();
      detachRequestPolling();
      notifier.clear();
      heldNotices.clear();
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
  mainWindow.show(initialRequest === null ? undefined : requestRoute(initialRequest));
  return { showWindow: () => mainWindow.show(), openRequest };
}
