// The two clocks behind every recorded instant. The wall clock gives the time of day and can be stepped
// by NTP or by hand. The monotonic clock never goes backwards, and durations are measured on it.
import { uptime } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Clock {
  /** UTC milliseconds from the operating system; may jump in either direction. */
  wall(): number;
  /**
   * Milliseconds that never decrease and ignore wall-clock steps. Whether they advance during
   * suspend depends on the platform (Linux CLOCK_MONOTONIC does not), so callers compare it with
   * the wall clock instead of assuming either behaviour.
   */
  monotonic(): number;
}

/**
 * Milliseconds since boot including suspend where the OS offers it: os.uptime() reads CLOCK_BOOTTIME
 * on Linux (10 ms steps) and GetTickCount64 on Windows. On macOS os.uptime() follows the wall clock,
 * so the monotonic clock there is performance.now(), which stops in sleep. The resume event and the
 * wall clock running ahead still close that gap.
 */
function bootClock(): () => number {
  const source = process.platform === 'linux' || process.platform === 'win32' ? () => uptime() * 1000 : () => performance.now();
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    last = Math.max(last, source());
    return last;
  };
}

export const systemClock: Clock = {
  wall: () => Date.now(),
  monotonic: bootClock(),
};

/**
 * Source of the instants that worktime records use. While a session runs, time is the anchor plus
 * monotonic elapsed time, so a wall clock stepped back or forward changes nothing already measured.
 * The timeline moves to the wall clock only on a resume or a heartbeat gap, which are recorded as
 * away time. Between sessions it follows the wall clock but never goes below the end of the last
 * session, so sessions cannot overlap.
 */
export class Timeline {
  private anchor: { instant: number; monotonic: number } | null = null;
  private floor = Number.NEGATIVE_INFINITY;

  constructor(readonly clock: Clock) {}

  now(): number {
    if (!this.anchor) return Math.max(this.clock.wall(), this.floor);
    return this.anchor.instant + (this.clock.monotonic() - this.anchor.monotonic);
  }

  /** Wall clock minus timeline: positive after sleep or a forward jump, negative after a step back. */
  drift(): number {
    return this.clock.wall() - this.now();
  }

  pinned(): boolean {
    return this.anchor !== null;
  }

  /** Starts measuring on the monotonic clock from the timeline's current instant. */
  pin(): number {
    const instant = this.now();
    this.anchor = { instant, monotonic: this.clock.monotonic() };
    return instant;
  }

  /** Moves a pinned timeline forward to the wall clock; it never moves backwards. Returns the new instant. */
  catchUp(): number {
    const instant = Math.max(this.now(), this.clock.wall());
    if (this.anchor) this.anchor = { instant, monotonic: this.clock.monotonic() };
    return instant;
  }

  /** Stops measuring; later instants follow the wall clock but stay at or after `endedAt`. */
  unpin(endedAt: number): void {
    this.anchor = null;
    this.floor = Math.max(this.floor, endedAt);
  }

  /** Keeps future instants at or after `instant`, e.g. the end of the last stored session on start. */
  raiseFloor(instant: number): void {
    this.floor = Math.max(this.floor, instant);
  }
}
