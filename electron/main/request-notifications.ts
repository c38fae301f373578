// Desktop notifications for urgent requests. Electron drops a Notification's listeners when the
// object is garbage collected, so every shown notification stays in a set until it is clicked or
// closed. The click carries the request id in three ways: the listener here while the app runs, the
// Windows toast's launch argument (Notification.handleActivation, also after a restart), and the
// notification id that macOS keeps in Notification Center (Notification.getHistory after a restart).
// A request never lives only in a notification: when notifications are unsupported or fail, the
// fallback is called, and the tray and the window list the request in any case.
// NOTE: on Linux a click after a restart does not reach the new process, because the notification
// server signals clicks to the process that showed the notification. There the request is found in
// the tray menu and on the Permintaan page instead.
import type { NotificationConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain';
import type { RequestAlert } from '../../shared/requests';
import type { Logger } from '../core/logger';
import { NotificationHolder, type NotificationHandle } from './notification-holder';
import { parseActivationArguments, requestToastXml } from './open-request';

/** Prefix of the notification id (Windows toast tag, macOS identifier); the request id follows. */
export type { NotificationHandle };

export const REQUEST_NOTIFICATION_PREFIX = 'request:';

/** macOS plays a named system sound; this one is in /System/Library/Sounds on every release. */
const EMERGENCY_SOUND_MACOS = 'Sosumi';


/** Electron's Notification class, or a stand-in with the same statics in tests. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): NotificationHandle;
  isSupported(): boolean;
}

/** Reason a request could not be announced by a notification. */
export type NotificationFailure = 'unsupported' | 'failed';

export interface RequestNotifierOptions {
  Notification: NotificationClass;
  platform: NodeJS.Platform;
  language: () => Language;
  /** Opens the window at the request. */
  openRequest: (requestId: string) => void;
  /** Makes the request visible another way when no notification could be shown. */
  onUnannounced: (alert: RequestAlert, failure: NotificationFailure) => void;
  logger: Logger;
}

export interface RequestNotificationContent {
  title: string;
  body: string;
}

/**
 * Title and body of an alert in one language. The core writes both (level and kind, then sender,
 * subject and deadline in the policy zone), so the notification, the tray and the CLI use the same words.
 */
export function requestNotificationContent(alert: RequestAlert, language: Language): RequestNotificationContent {
  return { title: alert.title[language], body: alert.body[language] };
}

/**
 * Builds the notification's options for a platform. Emergencies are critical, never time out, and
 * make a sound. The freedesktop notification spec asks Linux servers not to expire critical ones.
 * Windows reads everything from the toast XML.
 */
export function requestNotificationOptions(alert: RequestAlert, content: RequestNotificationContent, platform: NodeJS.Platform): NotificationConstructorOptions {
  const emergency = alert.level === 'emergency';
  const options: NotificationConstructorOptions = {
    id: `${REQUEST_NOTIFICATION_PREFIX}${alert.requestId}`,
    title: content.title,
    body: content.body,
    silent: false,
    urgency: emergency ? 'critical' : 'normal',
    timeoutType: emergency ? 'never' : 'default',
  };
  if (platform === 'darwin' && emergency) options.sound = EMERGENCY_SOUND_MACOS;
  if (platform === 'win32') {
    options.toastXml = requestToastXml({ requestId: alert.requestId, title: content.title, body: content.body, emergency });
  }
  return options;
}

/** Returns the request id in a notification id made by requestNotificationOptions, or null for another id. */
export function requestIdOfNotification(id: string | undefined): string | null {
  if (id === undefined || !id.startsWith(REQUEST_NOTIFICATION_PREFIX)) return null;
  const requestId = id.slice(REQUEST_NOTIFICATION_PREFIX.length);
  return requestId.length > 0 ? requestId : null;
}

export class RequestNotifier {
  /** Shown notifications, held until clicked or closed so their listeners survive garbage collection. */
  private readonly shown = new NotificationHolder();

  constructor(private readonly options: RequestNotifierOptions) {}

  /** Notifications held at the moment. */
  get held(): number {
    return this.shown.size;
  }

  /** Shows a notification for an alert; returns false when the fallback was used instead. */
  show(alert: RequestAlert): boolean {
    const { Notification, logger } = this.options;
    if (!Notification.isSupported()) {
      logger.warn('Notifications are not supported; the request shows in the tray and the window', { requestId: alert.requestId, alertId: alert.alertId });
      this.options.onUnannounced(alert, 'unsupported');
      return false;
    }

    const content = requestNotificationContent(alert, this.options.language());
    let notification: NotificationHandle;
    try {
      notification = new Notification(requestNotificationOptions(alert, content, this.options.platform));
    } catch (error) {
      logger.error('Creating a request notification failed', { requestId: alert.requestId, error: (error as Error).message });
      this.options.onUnannounced(alert, 'failed');
      return false;
    }

    this.hold(notification, alert.requestId);
    notification.on('failed', (_event, error) => {
      logger.error('Showing a request notification failed', { requestId: alert.requestId, alertId: alert.alertId, error });
      this.options.onUnannounced(alert, 'failed');
    });
    notification.show();
    logger.info('Request notification shown', { requestId: alert.requestId, alertId: alert.alertId, level: alert.level, kind: alert.kind });
    return true;
  }

  /**
   * Re-attaches the click to notifications that macOS still shows from an earlier run
   * (Notification.getHistory). Others are ignored.
   */
  adopt(notifications: readonly NotificationHandle[]): number {
    let adopted = 0;
    for (const notification of notifications) {
      const requestId = requestIdOfNotification(notification.id);
      if (requestId === null) continue;
      this.hold(notification, requestId);
      adopted++;
    }
    return adopted;
  }

  /** Handles a Windows toast activation (Notification.handleActivation); returns the opened request id. */
  activate(launchArguments: string): string | null {
    const requestId = parseActivationArguments(launchArguments);
    if (requestId === null) {
      this.options.logger.warn('Notification activation without a request id ignored', { length: launchArguments.length });
      return null;
    }
    this.options.openRequest(requestId);
    return requestId;
  }

  /** Drops every held notification, e.g. when the shell closes. */
  clear(): void {
    this.shown.clear();
  }

  private hold(notification: NotificationHandle, requestId: string): void {
    this.shown.hold(notification, () => this.options.openRequest(requestId));
  }
}
