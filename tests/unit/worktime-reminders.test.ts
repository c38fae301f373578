// Reminders in the policy zone on node-schedule, under sleep and whatever zone the OS is set to.
import schedule from 'node-schedule';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { WorkCalendar } from '../../electron/core/policy/calendar';
import { articleProfile } from '../../electron/core/policy/profiles';
import type { Policy } from '../../electron/core/policy/schema';
import { remindersForDay, type Reminder } from '../../electron/core/scheduler/reminders';
import { ReminderScheduler } from '../../electron/core/scheduler/scheduler';
import { addDays } from '../../electron/core/worktime/zoned-time';
import { HOUR, MINUTE, wib } from './worktime-harness';

interface Fired {
  kind: Reminder['kind'];
  firedAt: number;
  late: boolean;
}

const originalZone = process.env.TZ;

function restoreZone(): void {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
}

function createScheduler(policy: Policy = articleProfile, checkedIn = () => true) {
  const calendar = new WorkCalendar(policy);
  const fired: Fired[] = [];
  const scheduler = new ReminderScheduler({
    policy: () => policy,
    calendar: () => calendar,
    now: () => Date.now(),
    checkedIn,
    deliver: (reminder, late) => fired.push({ kind: reminder.kind, firedAt: Date.now(), late }),
    logger: createLogger(silentSink),
  });
  return { scheduler, fired };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(async () => {
  await schedule.gracefulShutdown();
  vi.useRealTimers();
  restoreZone();
});

describe('reminders of a day', () => {
  it('follows the window in the policy zone', () => {
    const reminders = remindersForDay('2026-11-30', articleProfile, new WorkCalendar(articleProfile));
    expect(reminders.map((reminder) => [reminder.kind, reminder.at])).toEqual([
      ['check-in', wib('2026-11-30', '08:00')],
      ['weekly-meeting', wib('2026-11-30', '09:00')],
      ['daily-report', wib('2026-11-30', '15:30')],
      ['check-out', wib('2026-11-30', '16:00')],
    ]);
    expect(reminders[0]!.text.id).toContain('check-in');
  });

  it('has none on a holiday', () => {
    expect(remindersForDay('2026-12-25', articleProfile, new WorkCalendar(articleProfile))).toEqual([]);
  });
});

describe('C28: reminders and sleep', () => {
  it('fires at 16:00 after sleep from 15:30 to 15:50', () => {
    vi.setSystemTime(wib('2026-12-01', '15:00'));
    const { scheduler, fired } = createScheduler();
    scheduler.recompute('start');
    vi.advanceTimersByTime(30 * MINUTE);
    expect(fired.map((entry) => entry.kind)).toEqual(['daily-report']);

    scheduler.suspend();
    vi.setSystemTime(wib('2026-12-01', '15:50'));
    scheduler.resume();
    vi.advanceTimersByTime(10 * MINUTE);

    expect(fired).toEqual([
      { kind: 'daily-report', firedAt: wib('2026-12-01', '15:30'), late: false },
      { kind: 'check-out', firedAt: wib('2026-12-01', '16:00'), late: false },
    ]);
    scheduler.stop();
  });

  it('fires a reminder missed in sleep once on wake', () => {
    vi.setSystemTime(wib('2026-12-01', '15:40'));
    const { scheduler, fired } = createScheduler();
    scheduler.recompute('start');
    scheduler.suspend();
    vi.setSystemTime(wib('2026-12-01', '16:20'));
    scheduler.resume();
    vi.advanceTimersByTime(2 * HOUR);

    expect(fired).toEqual([{ kind: 'check-out', firedAt: wib('2026-12-01', '16:20'), late: true }]);
    scheduler.stop();
  });

  it('skips a missed reminder past its grace', () => {
    vi.setSystemTime(wib('2026-12-01', '15:40'));
    const { scheduler, fired } = createScheduler();
    scheduler.recompute('start');
    scheduler.suspend();
    vi.setSystemTime(wib('2026-12-01', '17:30'));
    scheduler.resume();
    vi.advanceTimersByTime(HOUR);
    expect(fired).toEqual([]);
    scheduler.stop();
  });

  it('fires at most one after a night asleep', () => {
    vi.setSystemTime(wib('2026-11-29', '22:00'));
    const { scheduler, fired } = createScheduler(articleProfile, () => false);
    scheduler.recompute('start');
    scheduler.suspend();
    // Monday: check-in 08:00 and the weekly meeting 09:00 fall inside the sleep.
    vi.setSystemTime(wib('2026-11-30', '09:10'));
    scheduler.resume();
    expect(fired).toEqual([{ kind: 'weekly-meeting', firedAt: wib('2026-11-30', '09:10'), late: true }]);
    scheduler.stop();
  });

  it('does not remind a checked-in person to check in', () => {
    vi.setSystemTime(wib('2026-12-01', '07:00'));
    const { scheduler, fired } = createScheduler(articleProfile, () => true);
    scheduler.recompute('start');
    vi.advanceTimersByTime(2 * HOUR);
    expect(fired).toEqual([]);
    scheduler.stop();
  });
});

describe('C29: the OS zone is not the policy zone', () => {
  for (const zone of ['Europe/Berlin', 'UTC']) {
    it(`fires at Jakarta time with TZ=${zone}`, () => {
      process.env.TZ = zone;
      vi.setSystemTime(wib('2026-12-01', '07:00'));
      const { scheduler, fired } = createScheduler(articleProfile, () => false);
      scheduler.recompute('start');
      vi.advanceTimersByTime(10 * HOUR);
      expect(fired.map((entry) => [entry.kind, entry.firedAt])).toEqual([
        ['check-in', wib('2026-12-01', '08:00')],
        ['daily-report', wib('2026-12-01', '15:30')],
      ]);
      scheduler.stop();
    });

    it(`keeps node-schedule rules in Asia/Jakarta with TZ=${zone}`, () => {
      process.env.TZ = zone;
      vi.setSystemTime(wib('2026-12-01', '07:00'));
      const expected = wib('2026-12-01', '08:00');

      const rule = new schedule.RecurrenceRule();
      rule.dayOfWeek = new schedule.Range(1, 5);
      rule.hour = 8;
      rule.minute = 0;
      rule.tz = 'Asia/Jakarta';
      const fromRule = schedule.scheduleJob(rule, () => {});
      // @types/node-schedule 2.1.8 types `rule` beside `start` as a cron string only; the library takes a rule too.
      const withStart = { start: new Date(wib('2026-12-01', '07:30')), rule, tz: 'Asia/Jakarta' } as unknown as schedule.RecurrenceSpecDateRange;
      const fromRuleWithStart = schedule.scheduleJob(withStart, () => {});
      const fromCron = schedule.scheduleJob({ rule: '0 8 * * 1-5', tz: 'Asia/Jakarta' }, () => {});

      expect(fromRule.nextInvocation()!.getTime()).toBe(expected);
      expect(fromRuleWithStart.nextInvocation()!.getTime()).toBe(expected);
      expect(fromCron.nextInvocation()!.getTime()).toBe(expected);
    });
  }

  it('drops the rule zone when a start date comes without tz', () => {
    // node-schedule 2.1.1 copies the outer object's tz onto the rule, so { start, rule } without tz
    // falls back to the OS zone. The scheduler therefore always passes tz beside the rule.
    process.env.TZ = 'UTC';
    vi.setSystemTime(wib('2026-12-01', '07:00'));
    const rule = new schedule.RecurrenceRule();
    rule.hour = 8;
    rule.minute = 0;
    rule.tz = 'Asia/Jakarta';
    const withoutZone = { start: new Date(wib('2026-12-01', '07:30')), rule } as unknown as schedule.RecurrenceSpecDateRange;
    const job = schedule.scheduleJob(withoutZone, () => {});
    expect(job.nextInvocation()!.getTime()).toBe(Date.UTC(2026, 11, 1, 8, 0));
  });
});

describe('C30: daylight-saving changeovers in the OS zone', () => {
  const changeovers: [string, string][] = [
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Europe/London', '2026-03-29'],
    ['Europe/London', '2026-10-25'],
  ];

  for (const [zone, date] of changeovers) {
    it(`keeps Jakarta times across ${date} in ${zone}`, () => {
      process.env.TZ = zone;
      const from = addDays(date, -2);
      const to = addDays(date, 3);
      vi.setSystemTime(wib(from, '00:30'));
      const calendar = new WorkCalendar(articleProfile);
      const { scheduler, fired } = createScheduler(articleProfile, () => false);
      scheduler.recompute('start');
      vi.advanceTimersByTime(wib(to, '00:00') - Date.now());
      scheduler.stop();

      const expected: [string, number][] = [];
      for (let day = from; day < to; day = addDays(day, 1)) {
        for (const reminder of remindersForDay(day, articleProfile, calendar)) {
          if (reminder.kind !== 'check-out') expected.push([reminder.kind, reminder.at]);
        }
      }
      expect(expected.length).toBeGreaterThan(0);
      expect(fired.map((entry) => [entry.kind, entry.firedAt])).toEqual(expected);
    });

    it(`fires a Jakarta cron rule once a day across ${date} in ${zone}`, () => {
      process.env.TZ = zone;
      const from = addDays(date, -2);
      vi.setSystemTime(wib(from, '00:30'));
      const times: number[] = [];
      schedule.scheduleJob({ rule: '0 8 * * *', tz: 'Asia/Jakarta' }, () => {
        times.push(Date.now());
      });
      vi.advanceTimersByTime(5 * 24 * HOUR);
      expect(times).toEqual([0, 1, 2, 3, 4].map((offset) => wib(addDays(from, offset), '08:00')));
    });
  }
});
