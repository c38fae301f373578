// Fetches that keep local copies of central data fresh (claim decisions, the training record) while
// the app runs. Background delivery calls runIfDue after each flush; the jobs run at most once per
// interval, one after another, and a failing job never stops the others or the delivery.
import type { Logger } from '../logger';

export interface RefreshJob {
  name: string;
  /** Fetches and stores; may throw, which is logged. */
  run(): Promise<unknown>;
}

export interface PeriodicRefreshOptions {
  jobs: readonly RefreshJob[];
  intervalMs: number;
  now: () => number;
  logger: Logger;
}

export class PeriodicRefresh {
  private lastRunAt: number | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: PeriodicRefreshOptions) {}

  /** Runs every job when the interval has passed since the last round (or none ran yet). */
  runIfDue(): Promise<void> {
    const { intervalMs, now } = this.options;
    if (this.running) return this.running;
    if (this.lastRunAt !== null && now() - this.lastRunAt < intervalMs) return Promise.resolve();

    this.lastRunAt = now();
    this.running = this.runAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runAll(): Promise<void> {
    for (const job of this.options.jobs) {
      try {
        await job.run();
      } catch (error) {
        this.options.logger.warn('Periodic refresh failed; the next round tries again', { job: job.name, error: (error as Error).message });
      }
    }
  }
}
