// Decision deadlines counted in working days of the policy's calendar, so weekends, national
// holidays and cuti bersama are skipped.
import type { WorkCalendar } from '../policy/calendar';
import { addDays } from '../worktime/zoned-time';

/** Longest stretch of days off the count walks through before it gives up on a broken calendar. */
const MAX_DAYS_OFF_IN_A_ROW = 60;

/**
 * Returns the date of the `workingDays`-th working day after `from`. The day of submission does not
 * count, so day 1 is the next working day, as administrative deadlines are usually read.
 */
export function addWorkingDays(calendar: WorkCalendar, from: string, workingDays: number): string {
  let date = from;
  let counted = 0;
  let daysOff = 0;
  while (counted < workingDays) {
    date = addDays(date, 1);
    if (calendar.day(date).working) {
      counted += 1;
      daysOff = 0;
    } else if (++daysOff > MAX_DAYS_OFF_IN_A_ROW) {
      throw new Error(`The calendar has no working day in the ${MAX_DAYS_OFF_IN_A_ROW} days after ${date}; check the policy's schedule.`);
    }
  }
  return date;
}
