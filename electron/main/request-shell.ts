// Connects the core's urgent requests to the shell. Every change reaches the window (requestsChanged),
// the tray menu, the tray icon's dot and the dock badge. Every alert becomes a notification and an
// event for the window. When no notification can be shown, the window opens where no tray exists,
// and otherwise its taskbar entry flashes.
import type { RequestAlert, RequestsList, RequestsSummary } from '../../shared/requests';
import type { Logger } from '../core/logger';
import { DEFAULT_ONLINE_POLL_MS, type ResumeSource } from './delivery';
import { sendEvent, type EventRecipient } from './ipc';
import { requestRoute } from './open-request';
import type { RequestNotifier } from './request-notifications';
import { applyBadgeCount, requestBadge, type BadgePort, type TrayRequest } from './tray-requests';

/** The part of the core's RequestsService the shell uses. */
export interface RequestsSource {
  onAlert(listener: (alert: RequestAlert) => void): () => void;
  onChanged(listener: (summary: RequestsSummary) => void): () => void;
  list(): RequestsList;
}

export interface RequestShellOptions {
  requests: RequestsSource;
  tray: { readonly available: boolean; setRequests(requests: readonly TrayRequest[]): void };
  notifier: Pick<RequestNotifier, 'show'>;
  /** Open windows, for the push events. */
  windows: () => Iterable<EventRecipient>;
  /** Shows the window at a hash route (MainWindow.show). */
  showWindow: (route: string) => void;
  /** Flashes the window's taskbar entry (MainWindow.flash). */
  flashWindow: () => void;
  /** app.setBadgeCount where Electron has it (Linux and macOS), else null. */
  badge: BadgePort | null;
  logger: Logger;
}

/**
 * Shows a request that no notification announced. Without a tray the window is the only place left,
 * so it opens at the request. With a tray, the tray already lists it and the window flashes.
 */
export function showUnannounced(options: Pick<RequestShellOptions, 'tray' | 'showWindow' | 'flashWindow'>, requestId: string): void {
  if (options.tray.available) {
    options.flashWindow();
    return;
  }
  options.showWindow(requestRoute(requestId));
}

/** Subscribes to the core's requests; returns a function that unsubscribes. */
export function attachRequests(options: RequestShellOptions): () => void {
  const { requests, logger } = options;

  const refreshTray = () => {
    try {
      const list = requests.list();
      options.tray.setRequests(list.requests);
      if (options.badge !== null) applyBadgeCount(options.badge, requestBadge(list.requests));
    } catch (error) {
      logger.error('Listing requests for the tray failed', { error: (error as Error).message });
    }
  };

  const stopChanged = requests.onChanged((summary) => {
    sendEvent(options.windows(), 'requestsChanged', summary);
    refreshTray();
  });

  const stopAlerts = requests.onAlert((alert) => {
    sendEvent(options.windows(), 'requestAlert', alert);
    try {
      options.notifier.show(alert);
    } catch (error) {
      logger.error('Announcing a request failed', { requestId: alert.requestId, error: (error as Error).message });
    }
    refreshTray();
  });

  refreshTray();
  return () => {
    stopChanged();
    stopAlerts();
  };
}

export interface RequestPollingOptions {
  /** The core's RequestsService.pollNow; it never rejects. */
  pollNow: (reason: 'resume' | 'online') => Promise<unknown>;
  powerMonitor: ResumeSource;
  /** Electron's net.isOnline(), polled because the main process gets no event when it changes. */
  isOnline: () => boolean;
  onlinePollMs?: number;
  logger: Logger;
}

/**
 * Asks the central system for requests as soon as the machine wakes or the network returns, so an
 * emergency sent meanwhile does not wait for the next scheduled poll. Returns a function that stops.
 */
export function attachRequestPolling(options: RequestPollingOptions): () => void {
  const { powerMonitor, logger } = options;

  const onResume = () => void options.pollNow('resume');
  powerMonitor.on('resume', onResume);

  let wasOnline = options.isOnline();
  const timer = setInterval(() => {
    const online = options.isOnline();
    if (online && !wasOnline) {
      logger.info('Network is back; checking for urgent requests');
      void options.pollNow('online');
    }
    wasOnline = online;
  }, options.onlinePollMs ?? DEFAULT_ONLINE_POLL_MS);
  timer.unref();

  return () => {
    clearInterval(timer);
    powerMonitor.removeListener('resume', onResume);
  };
}
