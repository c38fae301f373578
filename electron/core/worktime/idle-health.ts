// Whether the system idle time can be trusted. Some platforms report 0 forever, report one value
// forever, or let it rise while the person types; such a source must never cost anyone time.

export type IdleHealth =
  | { available: true }
  | { available: false; reason: 'always-zero' | 'frozen' | 'contradicted'; since: number };

export class IdleHealthMonitor {
  private zeroSince: number | null = null;
  private sameSince: number | null = null;
  private lastValue: number | null = null;
  private health: IdleHealth = { available: true };

  /** suspectAfterMs: how long exact zeros or one unchanging value may last before the source is distrusted. */
  constructor(private readonly suspectAfterMs: number) {}

  current(): IdleHealth {
    return this.health;
  }

  /** Takes one reading in seconds at `at`; returns false once the source is distrusted. */
  observe(seconds: number, at: number): boolean {
    if (!this.health.available) return false;

    if (seconds === 0) this.zeroSince ??= at;
    else this.zeroSince = null;

    if (seconds > 0 && seconds === this.lastValue) this.sameSince ??= at;
    else if (seconds !== this.lastValue) this.sameSince = null;
    this.lastValue = seconds;

    if (this.zeroSince !== null && at - this.zeroSince >= this.suspectAfterMs) {
      this.health = { available: false, reason: 'always-zero', since: at };
    } else if (this.sameSince !== null && at - this.sameSince >= this.suspectAfterMs) {
      this.health = { available: false, reason: 'frozen', since: at };
    }
    return this.health.available;
  }

  /** The source claimed no input while the app saw input: it cannot be trusted from now on. */
  contradict(at: number): void {
    this.health = { available: false, reason: 'contradicted', since: at };
  }
}
