// Feeds Electron's powerMonitor into the core: suspend, resume, lock, unlock and shutdown as they
// happen, and the system idle time on a timer. The core's heartbeat covers the platforms where some
// of these events never arrive (Linux desktops without a lock event, for one).
import type { PowerMonitor } from 'electron';
import type { IpcHandlers } from '../core/ipc/handlers';
import type { Logger } from '../core/logger';
import type { PresenceSink } from '../core/worktime/presence';

/** The part of Electron's powerMonitor this adapter uses; tests pass an EventEmitter with getSystemIdleTime. */
export type PowerMonitorSource = Pick<PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleTime'>;

export interface ReminderPower {
  suspend(): void;
  resume(): void;
}

export interface PowerMonitorOptions {
  powerMonitor: PowerMonitorSource;
  presence: PresenceSink;
  reminders: ReminderPower;
  /** How often the system idle time is read, in milliseconds. */
  idlePollMs: number;
  logger: Logger;
}

/** Subscribes to the power events and starts the idle poll; returns a function that undoes both. */
export function attachPowerMonitor(options: PowerMonitorOptions): () => void {
  const { powerMonitor, presence, reminders, logger } = options;

  // A failing handler must not stop the next event from reaching the core.
  const guarded = (name: string, handle: () => void) => () => {
    try {
      handle();
    } catch (error) {
      logger.error('Handling a power event failed', { event: name, error: (error as Error).message });
    }
  };
  const idleSeconds = () => powerMonitor.getSystemIdleTime();

  const handlers = {
    suspend: guarded('suspend', () => {
      presence.suspend(idleSeconds());
      reminders.suspend();
    }),
    resume: guarded('resume', () => {
      presence.resume();
      reminders.resume();
    }),
    'lock-screen': guarded('lock-screen', () => presence.lock(idleSeconds())),
    'unlock-screen': guarded('unlock-screen', () => presence.unlock()),
    shutdown: guarded('shutdown', () => presence.shutdown()),
    'user-did-become-active': guarded('user-did-become-active', () => presence.input()),
  } as const;

  powerMonitor.on('suspend', handlers.suspend);
  powerMonitor.on('resume', handlers.resume);
  powerMonitor.on('lock-screen', handlers['lock-screen']);
  powerMonitor.on('unlock-screen', handlers['unlock-screen']);
  powerMonitor.on('shutdown', handlers.shutdown);
  powerMonitor.on('user-did-become-active', handlers['user-did-become-active']);

  const poll = setInterval(guarded('idle-poll', () => presence.idle(idleSeconds())), options.idlePollMs);
  poll.unref();

  return () => {
    clearInterval(poll);
    for (const [event, handler] of Object.entries(handlers)) {
      powerMonitor.removeListener(event as 'suspend', handler);
    }
  };
}

/**
 * Wraps the IPC handlers so that every action the person starts in the window (a check-in, an answer,
 * a plan) counts as input, which lets presence tell a broken idle source from a person at work.
 * Reads (get…, list…) are left out because the window also makes them on its own.
 */
export function withActionsAsInput(handlers: IpcHandlers, presence: Pick<PresenceSink, 'input'>): IpcHandlers {
  const wrapped: Record<string, (input: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: never) => unknown][]) {
    const isRead = name.startsWith('get') || name.startsWith('list');
    wrapped[name] = isRead
      ? handler
      : (input) => {
          presence.input();
          return handler(input);
        };
  }
  return wrapped as unknown as IpcHandlers;
}
