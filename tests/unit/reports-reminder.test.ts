// The daily-report reminder fires before the working window ends only while the day's report is
// missing, on its timer and on wake after sleep. Timers are recorded by a driver and fired by hand.
import { describe, expect, it } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { WorkCalendar } from '../../electron/core/policy/calendar';
import { articleProfile } from '../../electron/core/policy/profiles';
import type { Reminder } from '../../electron/core/scheduler/reminders';
import { ReminderScheduler, type ScheduleDriver } from '../../electron/core/scheduler/scheduler';

function wib(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+07:00`);
}

function createScheduler(submitted: Set<string>) {
  let now = wib('2026-07-14', '07:00');
  const timers: { at: number; fire: () => void }[] = [];
  const driver: ScheduleDriver = {
    at(at, fire) {
      timers.push({ at, fire });
      return { cancel: () => timers.splice(timers.findIndex((timer) => timer.fire === fire), 1) };
    },
  };
  const delivered: { reminder: Reminder; late: boolean }[] = [];
  const scheduler = new ReminderScheduler({
    policy: () => articleProfile,
    calendar: () => new WorkCalendar(articleProfile),
    now: () => now,
    checkedIn: () => true,
    reportSubmitted: (date) => submitted.has(date),
    deliver: (reminder, late) => delivered.push({ reminder, late }),
    logger: createLogger(silentSink),
    driver,
  });
  const fireAt = (at: number) => {
    now = at;
    for (const timer of timers.filter((entry) => entry.at === at)) timer.fire();
  };
  return { scheduler, delivered, fireAt, setNow: (at: number) => (now = at) };
}

describe('daily report reminder', () => {
  it('fires 30 minutes before window end when missing', () => {
    const { scheduler, delivered, fireAt } = createScheduler(new Set());
    scheduler.recompute('test');
    fireAt(wib('2026-07-14', '15:30'));
    expect(delivered.map((entry) => entry.reminder.kind)).toEqual(['daily-report']);
    expect(delivered[0]?.reminder.text.id).toBe('Kirim laporan harian sebelum jam kerja berakhir pukul 16:00.');
  });

  it('stays silent once report submitted', () => {
    const { scheduler, delivered, fireAt } = createScheduler(new Set(['2026-07-14']));
    scheduler.recompute('test');
    fireAt(wib('2026-07-14', '15:30'));
    fireAt(wib('2026-07-14', '16:00'));
    expect(delivered.map((entry) => entry.reminder.kind)).toEqual(['check-out']);
  });

  it('stays silent on wake once submitted', () => {
    const submitted = new Set<string>();
    const { scheduler, delivered, setNow } = createScheduler(submitted);
    setNow(wib('2026-07-14', '15:00'));
    scheduler.suspend();
    submitted.add('2026-07-14');
    setNow(wib('2026-07-14', '15:40'));
    scheduler.resume();
    expect(delivered).toEqual([]);
  });

  it('fires on wake when still missing', () => {
    const { scheduler, delivered, setNow } = createScheduler(new Set());
    setNow(wib('2026-07-14', '15:00'));
    scheduler.suspend();
    setNow(wib('2026-07-14', '15:40'));
    scheduler.resume();
    expect(delivered.map((entry) => [entry.reminder.kind, entry.late])).toEqual([['daily-report', true]]);
  });
});
