// Decides when the outbox is delivered without the user pressing "Kirim sekarang": soon after a new
// event, on a jittered timer, when a backed-off item becomes due, on resume and when the network
// returns. Every trigger goes through OutboxSender.requestFlush, so one flush runs at a time.
import type { Logger } from '../logger';
import type { FlushReason, OutboxSender } from './sender';

export interface DeliveryTriggerOptions {
  sender: Pick<OutboxSender, 'requestFlush' | 'nextAttemptAt'>;
  now: () => number;
  logger: Logger;
  /** Period of the background flush; each wait is jittered by ±20 % so devices do not line up. */
  intervalMs?: number;
  /** Delay after a new event, so that a check-out right after a check-in goes in one request. */
  newEventDelayMs?: number;
  random?: () => number;
  setTimer?: (callback: () => void, delayMs: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
}

export interface TimerHandle {
  unref?: () => unknown;
}

export const DEFAULT_DELIVERY_INTERVAL_MS = 5 * 60 * 1000;
export const DEFAULT_NEW_EVENT_DELAY_MS = 1000;

export class DeliveryTriggers {
  private readonly intervalMs: number;
  private readonly newEventDelayMs: number;
  private readonly random: () => number;
  private readonly setTimer: (callback: () => void, delayMs: number) => TimerHandle;
  private readonly clearTimer: (handle: TimerHandle) => void;
  private periodic: TimerHandle | null = null;
  private soon: TimerHandle | null = null;
  private running = false;

  constructor(private readonly options: DeliveryTriggerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_DELIVERY_INTERVAL_MS;
    this.newEventDelayMs = options.newEventDelayMs ?? DEFAULT_NEW_EVENT_DELAY_MS;
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? ((callback, delayMs) => setTimeout(callback, delayMs));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** Starts background delivery with one flush now; the desktop app calls this, the CLI does not. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.trigger('startup');
  }

  stop(): void {
    this.running = false;
    if (this.periodic) this.clearTimer(this.periodic);
    if (this.soon) this.clearTimer(this.soon);
    this.periodic = null;
    this.soon = null;
  }

  /** Called after an event is committed to the outbox; several events in a burst share one flush. */
  eventQueued(): void {
    if (!this.running || this.soon) return;
    this.soon = this.arm(() => {
      this.soon = null;
      this.trigger('new_event');
    }, this.newEventDelayMs);
  }

  /** Requests a flush because the machine woke from sleep. */
  resumed(): void {
    if (this.running) this.trigger('resume');
  }

  /** Requests a flush because the network came back after being offline. */
  online(): void {
    if (this.running) this.trigger('online');
  }

  private trigger(reason: FlushReason): void {
    this.options.sender.requestFlush(reason).then(
      () => this.scheduleNext(),
      (error: unknown) => {
        this.options.logger.error('Background delivery failed', { reason, error: error instanceof Error ? error.message : String(error) });
        this.scheduleNext();
      },
    );
  }

  /** Waits the jittered interval, or less when a backed-off item becomes due before that. */
  private scheduleNext(): void {
    if (!this.running) return;
    if (this.periodic) this.clearTimer(this.periodic);

    const jitter = 0.8 + 0.4 * this.random();
    let delay = Math.round(this.intervalMs * jitter);
    // An item that is already due but still waiting was held back by the flush that just ran
    // (offline, not enrolled, signed out), so it waits for the normal interval instead of looping.
    const due = this.options.sender.nextAttemptAt();
    const untilDue = due === null ? Infinity : due - this.options.now();
    if (untilDue > 0) delay = Math.min(delay, untilDue);

    this.periodic = this.arm(() => {
      this.periodic = null;
      this.trigger('timer');
    }, delay);
  }

  private arm(callback: () => void, delayMs: number): TimerHandle {
    const handle = this.setTimer(callback, delayMs);
    // A pending delivery must not keep a CLI process or a test alive.
    handle.unref?.();
    return handle;
  }
}
