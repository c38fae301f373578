// Calendar arithmetic on YYYY-MM-DD day keys for the report pages. Day keys are civil dates in the
// policy zone, so the arithmetic runs in UTC, where no day is ever 23 or 25 hours long.
import type { TargetPeriod } from '../shared/reports';

function toUtc(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** Moves a day key by whole days. */
export function shiftDate(date: string, days: number): string {
  const moved = toUtc(date);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Monday of the week that contains the date. */
export function mondayOf(date: string): string {
  return shiftDate(date, -((toUtc(date).getUTCDay() + 6) % 7));
}

/** The default period and deadline of a new target: this week up to Friday, or this month up to its last day. */
export function defaultPeriod(period: TargetPeriod, today: string): { periodStart: string; deadline: string } {
  if (period === 'week') {
    const monday = mondayOf(today);
    return { periodStart: monday, deadline: shiftDate(monday, 4) };
  }
  const first = `${today.slice(0, 7)}-01`;
  const nextMonth = toUtc(first);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  return { periodStart: first, deadline: shiftDate(nextMonth.toISOString().slice(0, 10), -1) };
}
