// Starts background delivery of the outbox in the desktop app and feeds it the two triggers only the
// shell can see: the machine waking from sleep, and the network coming back.
import type { DeliveryTriggers } from '../core/outbox/delivery-triggers';
import type { Logger } from '../core/logger';

/** The part of Electron's powerMonitor used here; tests pass an EventEmitter. */
export interface ResumeSource {
  on(event: 'resume', listener: () => void): unknown;
  removeListener(event: 'resume', listener: () => void): unknown;
}

export interface DeliveryWiringOptions {
  delivery: Pick<DeliveryTriggers, 'start' | 'stop' | 'resumed' | 'online'>;
  powerMonitor: ResumeSource;
  /** Electron's net.isOnline(); the main process gets no event when it changes, so it is polled. */
  isOnline: () => boolean;
  onlinePollMs?: number;
  logger: Logger;
}

export const DEFAULT_ONLINE_POLL_MS = 15_000;

/** Starts delivery and its triggers; returns a function that stops them. */
export function attachDelivery(options: DeliveryWiringOptions): () => void {
  const { delivery, powerMonitor, logger } = options;

  const onResume = () => delivery.resumed();
  powerMonitor.on('resume', onResume);

  let wasOnline = options.isOnline();
  const poll = setInterval(() => {
    const online = options.isOnline();
    if (online && !wasOnline) {
      logger.info('Network is back; delivering the outbox');
      delivery.online();
    }
    wasOnline = online;
  }, options.onlinePollMs ?? DEFAULT_ONLINE_POLL_MS);
  poll.unref();

  delivery.start();

  return () => {
    clearInterval(poll);
    powerMonitor.removeListener('resume', onResume);
    delivery.stop();
  };
}
