// Puts the reminders on timers through node-schedule. Timers are rebuilt from the wall clock after a
// resume, at midnight in the policy zone and after a policy change, because timers armed before sleep
// fire late or not at all. A reminder missed in sleep follows the rule in missedReminder().
import schedule from 'node-schedule';
import type { Logger } from '../logger';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { startOfDay, addDays, dateKey } from '../worktime/zoned-time';
import { missedReminder, upcomingReminders, type Reminder } from './reminders';

export interface ScheduledJob {
  cancel(): void;
}

/** Arms a one-off timer; node-schedule in the app, a recording fake in some tests. */
export interface ScheduleDriver {
  at(instant: number, fire: () => void): ScheduledJob;
}

export const nodeScheduleDriver: ScheduleDriver = {
  at(instant, fire) {
    const job = schedule.scheduleJob(new Date(instant), fire);
    return { cancel: () => job?.cancel() };
  },
};

export interface ReminderSchedulerOptions {
  policy: () => Policy;
  calendar: () => WorkCalendar;
  /** Wall clock, UTC milliseconds. */
  now: () => number;
  checkedIn: () => boolean;
  /** Whether the day's report was submitted; the daily-report reminder fires only while it is missing. */
  reportSubmitted?: (date: string) => boolean;
  deliver: (reminder: Reminder, late: boolean) => void;
  logger: Logger;
  driver?: ScheduleDriver;
}

export class ReminderScheduler {
  private jobs: ScheduledJob[] = [];
  private asleepFrom: number | null = null;
  private readonly driver: ScheduleDriver;

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.driver = options.driver ?? nodeScheduleDriver;
  }

  /** Rebuilds every timer from the wall clock: the next week's reminders and a rebuild at the next midnight. */
  recompute(reason: string): void {
    this.cancelAll();
    const { policy, calendar, now, logger } = this.options;
    const current = now();
    const reminders = upcomingReminders(current, policy(), calendar());
    for (const reminder of reminders) {
      this.jobs.push(this.driver.at(reminder.at, () => this.fire(reminder)));
    }

    const zone = policy().zone;
    const nextMidnight = startOfDay(addDays(dateKey(current, zone), 1), zone);
    this.jobs.push(this.driver.at(nextMidnight, () => this.recompute('midnight')));
    logger.debug('Reminders scheduled', { reason, count: reminders.length, next: reminders[0]?.at ?? null });
  }

  suspend(): void {
    this.asleepFrom = this.options.now();
    this.cancelAll();
  }

  /** Fires at most one missed reminder, then rebuilds the timers from the wall clock. */
  resume(): void {
    const { policy, calendar, now, checkedIn } = this.options;
    if (this.asleepFrom !== null) {
      const missed = missedReminder(this.asleepFrom, now(), policy(), calendar(), checkedIn());
      if (missed && !this.reportAlreadySubmitted(missed)) this.options.deliver(missed, true);
    }
    this.asleepFrom = null;
    this.recompute('resume');
  }

  stop(): void {
    this.cancelAll();
  }

  private fire(reminder: Reminder): void {
    if (reminder.kind === 'check-in' && this.options.checkedIn()) return;
    if (reminder.kind === 'check-out' && !this.options.checkedIn()) return;
    if (this.reportAlreadySubmitted(reminder)) return;
    this.options.deliver(reminder, false);
  }

  private reportAlreadySubmitted(reminder: Reminder): boolean {
    return reminder.kind === 'daily-report' && (this.options.reportSubmitted?.(reminder.date) ?? false);
  }

  private cancelAll(): void {
    for (const job of this.jobs) job.cancel();
    this.jobs = [];
  }
}
