// Keeps shown notifications reachable until the user clicks or closes them. Electron's Notification
// is an ordinary JavaScript object, so once nothing refers to it, garbage collection can take it with
// its click listener. A click from the notification centre minutes later then does nothing.
import type { Logger } from '../core/logger';

/** The calls made on one Electron Notification. */
export interface NotificationHandle {
  readonly id?: string;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

export class NotificationHolder {
  private readonly shown = new Set<NotificationHandle>();

  /** Notifications held at the moment. */
  get size(): number {
    return this.shown.size;
  }

  /** Holds `notification` until it is clicked (then runs `onClick`), closed, or fails to show. */
  hold(notification: NotificationHandle, onClick: () => void): void {
    this.shown.add(notification);
    notification.on('click', () => {
      this.shown.delete(notification);
      onClick();
    });
    notification.on('close', () => this.shown.delete(notification));
    notification.on('failed', () => this.shown.delete(notification));
  }

  /** Drops every held notification, e.g. when the shell closes. */
  clear(): void {
    this.shown.clear();
  }
}

/** Electron's Notification class as the plain notices use it, or a stand-in in tests. */
export interface PlainNotificationClass {
  new (options: { title: string; body: string }): NotificationHandle;
  isSupported(): boolean;
}

/**
 * Returns the function that shows the app's plain notices (worktime reminders, check results). Each
 * notification is kept like a request notification, and the function returns false where none can be shown.
 */
export function createNoticeNotifier(
  Notification: PlainNotificationClass,
  holder: NotificationHolder,
  logger: Logger,
): (title: string, body: string, onClick?: () => void) => boolean {
  return (title, body, onClick) => {
    if (!Notification.isSupported()) return false;

    let notification: NotificationHandle;
    try {
      notification = new Notification({ title, body });
    } catch (error) {
      logger.error('Creating a notification failed', { error: (error as Error).message });
      return false;
    }

    holder.hold(notification, () => onClick?.());
    notification.on('failed', (_event, error) => logger.error('Showing a notification failed', { error }));
    notification.show();
    return true;
  };
}
