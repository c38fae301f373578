// The day's reminders in the policy zone: check-in at the window's start, the daily report before its
// end, check-out at its end, and the weekly meeting. Pure functions; the scheduler puts them on timers.
import type { LocalizedText } from '../../../shared/domain';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { addDays, dateKey, isoWeekday, MINUTE, zonedInstant } from '../worktime/zoned-time';

export type ReminderKind = 'check-in' | 'daily-report' | 'check-out' | 'weekly-meeting' | 'training-deadline';

export interface Reminder {
  kind: ReminderKind;
  /** UTC milliseconds. */
  at: number;
  /** Civil date in the policy zone. */
  date: string;
  text: LocalizedText;
}

// Training deadline reminders have their own texts and timers, in training/reminders.ts.
const texts: Record<Exclude<ReminderKind, 'training-deadline'>, (time: string) => LocalizedText> = {
  'check-in': (time) => ({
    id: `Jam kerja dimulai pukul ${time}. Jangan lupa check-in.`,
    en: `Working hours start at ${time}. Remember to check in.`,
  }),
  'daily-report': (time) => ({
    id: `Kirim laporan harian sebelum jam kerja berakhir pukul ${time}.`,
    en: `Send your daily report before working hours end at ${time}.`,
  }),
  'check-out': (time) => ({
    id: `Jam kerja berakhir pukul ${time}. Jangan lupa check-out.`,
    en: `Working hours end at ${time}. Remember to check out.`,
  }),
  'weekly-meeting': (time) => ({
    id: `Rapat virtual mingguan dengan tim dan atasan pukul ${time}.`,
    en: `The weekly virtual meeting with your team and supervisor is at ${time}.`,
  }),
};

/** Reminders of one civil date, in time order; none on a day off. */
export function remindersForDay(date: string, policy: Policy, calendar: WorkCalendar): Reminder[] {
  const day = calendar.day(date);
  if (!day.working) return [];

  const zone = policy.zone;
  const settings = policy.worktime.reminders;
  const start = zonedInstant(date, day.schedule.start, zone);
  const end = zonedInstant(date, day.schedule.end, zone);
  const reminders: Reminder[] = [
    { kind: 'check-in', at: start, date, text: texts['check-in'](day.schedule.start) },
    { kind: 'daily-report', at: Math.max(start, end - settings.reportMinutesBeforeEnd * MINUTE), date, text: texts['daily-report'](day.schedule.end) },
    { kind: 'check-out', at: end, date, text: texts['check-out'](day.schedule.end) },
  ];

  const meeting = settings.weeklyMeeting;
  if (meeting && isoWeekday(date) === meeting.weekday) {
    reminders.push({ kind: 'weekly-meeting', at: zonedInstant(date, meeting.time, zone), date, text: texts['weekly-meeting'](meeting.time) });
  }
  return reminders.sort((a, b) => a.at - b.at);
}

/** Reminders due after `now` over the next `days` civil dates in the policy zone. */
export function upcomingReminders(now: number, policy: Policy, calendar: WorkCalendar, days = 8): Reminder[] {
  const today = dateKey(now, policy.zone);
  const reminders: Reminder[] = [];
  for (let offset = 0; offset < days; offset++) {
    reminders.push(...remindersForDay(addDays(today, offset), policy, calendar).filter((reminder) => reminder.at > now));
  }
  return reminders;
}

/**
 * Picks the reminder to fire on wake by one written rule. At most one reminder fires: the latest one
 * that fell inside the sleep. It fires only if it is at most `missedGraceMinutes` old and still
 * relevant, so a check-in reminder only while not checked in and a check-out reminder only while
 * checked in. Older or irrelevant ones are skipped, never queued.
 */
export function missedReminder(
  asleepFrom: number,
  awakeAt: number,
  policy: Policy,
  calendar: WorkCalendar,
  checkedIn: boolean,
): Reminder | null {
  const zone = policy.zone;
  const missed: Reminder[] = [];
  for (let date = dateKey(asleepFrom, zone); date <= dateKey(awakeAt, zone); date = addDays(date, 1)) {
    missed.push(...remindersForDay(date, policy, calendar).filter((reminder) => reminder.at > asleepFrom && reminder.at <= awakeAt));
  }

  const latest = missed.at(-1);
  if (!latest) return null;
  if (awakeAt - latest.at > policy.worktime.reminders.missedGraceMinutes * MINUTE) return null;
  if (latest.kind === 'check-in' && checkedIn) return null;
  if (latest.kind === 'check-out' && !checkedIn) return null;
  return latest;
}
