// The days that need a report, in the policy zone: working days up to today. Weekends and holidays
// (policy/calendar.ts and the holiday tables) never do, and a day still ahead cannot have one yet.
import type { LocalizedText } from '../../../shared/domain';
import type { WorkCalendar } from '../policy/calendar';
import { addDays } from '../worktime/zoned-time';
import * as errors from './errors';

export interface ReportDay {
  date: string;
  working: boolean;
  dayOff: LocalizedText | null;
  /** A working day that is today or earlier. */
  reportable: boolean;
}

/** Returns whether the text names a real calendar date, so "2026-02-30" is rejected instead of rolling over. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return addDays(date, 0) === date;
}

export function describeDay(calendar: WorkCalendar, date: string, today: string): ReportDay {
  const day = calendar.day(date);
  const dayOff = day.working ? null : day.reason;
  return { date, working: day.working, dayOff, reportable: day.working && date <= today };
}

/** Throws the CompanionError that explains why no report can be written for the date, if one applies. */
export function assertReportable(calendar: WorkCalendar, date: string, today: string): void {
  if (!isCalendarDate(date)) throw errors.invalidDate(date);

  const day = calendar.day(date);
  if (!day.working) throw errors.notWorkingDay(date, day.reason, day.holiday);
  if (date > today) throw errors.futureDate(date, today);
}

/** Lists every date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}
