// Runs the compliance checks on their own while the user is checked in: at check-in, every
// `everyHours` after the last run, when the network interfaces change and when the machine resumes.
// Each trigger waits a random delay of 0 to `jitterSeconds` before the run starts.
//
// Single flight: one run at a time. A trigger that arrives while a run is waiting for its delay joins
// that run. A trigger that arrives while a run is in progress becomes one follow-up run after it,
// because the run in progress may have measured the network from before the change. Further
// triggers during that run join the same follow-up. Every joined trigger is logged.
import type { Logger } from '../logger';
import type { ComplianceSchedulePolicy } from '../policy/schema';
import { networkSignature as readNetworkSignature } from './network-signature';

export type ScheduleTrigger = 'check-in' | 'interval' | 'network-change' | 'resume';

export interface ComplianceScheduleOptions {
  policy: () => ComplianceSchedulePolicy;
  /** Runs the checks and stores the snapshot; `signal` aborts when the schedule stops. */
  run: (trigger: ScheduleTrigger, signal: AbortSignal) => Promise<unknown>;
  logger: Logger;
  /** Uniform in [0, 1); tests pass a seeded source. */
  random?: () => number;
  /** Reads a string that changes when the network interfaces change. */
  networkSignature?: () => string;
}

interface PendingRun {
  trigger: ScheduleTrigger;
  timer: ReturnType<typeof setTimeout>;
}

export class ComplianceSchedule {
  private readonly random: () => number;
  private readonly readSignature: () => string;
  private active = false;
  private pending: PendingRun | null = null;
  private running: { trigger: ScheduleTrigger; abort: AbortController } | null = null;
  private followUp: ScheduleTrigger | null = null;
  private interval: ReturnType<typeof setTimeout> | null = null;
  private networkPoll: ReturnType<typeof setInterval> | null = null;
  private lastSignature = '';

  constructor(private readonly options: ComplianceScheduleOptions) {
    this.random = options.random ?? Math.random;
    this.readSignature = options.networkSignature ?? readNetworkSignature;
  }

  /** True between start() and stop(). */
  get started(): boolean {
    return this.active;
  }

  /** True while a run is waiting for its delay or in progress. */
  get busy(): boolean {
    return this.pending !== null || this.running !== null;
  }

  /** Starts the schedule at check-in: one run after the jitter, the interval and the network watcher. */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.lastSignature = this.readSignature();

    const pollMs = this.options.policy().networkPollSeconds * 1000;
    this.networkPoll = setInterval(() => this.pollNetwork(), pollMs);
    this.networkPoll.unref?.();

    this.options.logger.info('Compliance schedule started', { everyHours: this.options.policy().everyHours, networkPollMs: pollMs });
    this.request('check-in');
  }

  /** Stops every timer at check-out or close, and aborts a run in progress. */
  stop(): void {
    if (!this.active) return;
    this.active = false;

    if (this.pending) clearTimeout(this.pending.timer);
    if (this.interval) clearTimeout(this.interval);
    if (this.networkPoll) clearInterval(this.networkPoll);
    this.pending = null;
    this.interval = null;
    this.networkPoll = null;
    this.followUp = null;
    this.running?.abort.abort(new Error('The compliance schedule stopped.'));
    this.options.logger.info('Compliance schedule stopped');
  }

  /** Requests a run for a network change the shell detected (the core watcher also polls the interfaces). */
  networkChanged(): void {
    this.request('network-change');
  }

  /** Requests a run because the machine woke from sleep; the shell's power-monitor adapter calls this. */
  resumed(): void {
    this.request('resume');
  }

  /** Restarts the interval after a run outside the schedule (the user's own), so it counts from now. */
  ranElsewhere(): void {
    if (this.active && !this.busy) this.armInterval();
  }

  private request(trigger: ScheduleTrigger): void {
    if (!this.active) return;

    if (this.pending) {
      this.options.logger.info('Compliance trigger joined the waiting run', { trigger, waiting: this.pending.trigger });
      return;
    }
    if (this.running) {
      if (this.followUp) this.options.logger.info('Compliance trigger joined the follow-up run', { trigger, followUp: this.followUp });
      else this.options.logger.info('Compliance trigger queued as a follow-up run', { trigger, running: this.running.trigger });
      this.followUp ??= trigger;
      return;
    }

    this.schedule(trigger, this.jitterMs());
  }

  private schedule(trigger: ScheduleTrigger, delayMs: number): void {
    if (this.interval) clearTimeout(this.interval);
    this.interval = null;

    const timer = setTimeout(() => {
      this.pending = null;
      void this.execute(trigger);
    }, delayMs);
    timer.unref?.();
    this.pending = { trigger, timer };
  }

  private async execute(trigger: ScheduleTrigger): Promise<void> {
    const abort = new AbortController();
    this.running = { trigger, abort };
    this.options.logger.info('Scheduled compliance run started', { trigger });

    try {
      await this.options.run(trigger, abort.signal);
    } catch (error) {
      this.options.logger.error('Scheduled compliance run failed', { trigger, error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.running = null;
    }

    if (!this.active) return;
    const followUp = this.followUp;
    this.followUp = null;
    if (followUp) this.schedule(followUp, this.jitterMs());
    else this.armInterval();
  }

  private armInterval(): void {
    if (this.interval) clearTimeout(this.interval);

    const delayMs = this.options.policy().everyHours * 3_600_000 + this.jitterMs();
    // The jitter is already in this delay, so the interval run starts directly.
    this.interval = setTimeout(() => {
      this.interval = null;
      if (this.active && !this.busy) void this.execute('interval');
    }, delayMs);
    this.interval.unref?.();
  }

  private pollNetwork(): void {
    let signature: string;
    try {
      signature = this.readSignature();
    } catch (error) {
      this.options.logger.warn('Reading the network interfaces failed', { error: (error as Error).message });
      return;
    }

    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.options.logger.info('Network interfaces changed');
    this.request('network-change');
  }

  private jitterMs(): number {
    return Math.floor(this.random() * this.options.policy().jitterSeconds * 1000);
  }
}
