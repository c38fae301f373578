// The Kinerja dashboard: hours this week against the cap, this month's reports, target progress,
// compliance over the last days from stored snapshots, and response times to urgent requests.
import type { Verdict } from '../../../shared/domain';
import type { Dashboard, ResponseTimes, TargetProgress } from '../../../shared/reports';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import type { Database } from '../storage/database';
import { addDays, dateKey, startOfDay, zonedInstant } from '../worktime/zoned-time';
import type { DailyReportRepository } from './daily-repository';
import { datesBetween } from './days';
import type { WorkWeek } from './weekly-build';

/** Days of compliance history the dashboard shows, today included. */
export const COMPLIANCE_DAYS = 30;

/** Response-time figures of urgent requests; the requests module provides them (see companion.ts). */
export type ResponseTimesProvider = () => ResponseTimes;

export const responseTimesUnavailable: ResponseTimes = {
  available: false,
  reason: {
    id: 'Waktu respons permintaan mendesak belum tersedia di versi ini.',
    en: 'Response times to urgent requests are not available in this version yet.',
  },
};

export interface DashboardInput {
  db: Database;
  now: number;
  policy: Policy;
  calendar: WorkCalendar;
  reports: DailyReportRepository;
  workWeek: WorkWeek;
  targets: TargetProgress[];
  responseTimes: ResponseTimes;
}

// Worst first: one failing run makes the day fail even if a later run passed.
const severity: Record<Verdict, number> = { error: 4, fail: 3, warn: 2, unknown: 1, pass: 0 };

function worst(a: Verdict | null, b: Verdict): Verdict {
  return a === null || severity[b] > severity[a] ? b : a;
}

/** Returns whether today's report is already due, because today's working window has ended. */
function todayDue(now: number, today: string, policy: Policy, calendar: WorkCalendar): boolean {
  const day = calendar.day(today);
  return day.working && now >= zonedInstant(today, day.schedule.end, policy.zone);
}

function monthFigures(input: DashboardInput, today: string): Dashboard['month'] {
  const monthStart = `${today.slice(0, 7)}-01`;
  const workingDates = datesBetween(monthStart, today).filter((date) => input.calendar.day(date).working);
  const reports = new Map(input.reports.between(monthStart, today).map((report) => [report.date, report]));
  const submitted = workingDates.filter((date) => reports.get(date)?.state === 'submitted');
  const due = (date: string) => date < today || todayDue(input.now, today, input.policy, input.calendar);

  return {
    month: today.slice(0, 7),
    workingDays: workingDates.length,
    reportsSubmitted: submitted.length,
    reportsLate: submitted.filter((date) => reports.get(date)?.late === true).length,
    missingDates: workingDates.filter((date) => reports.get(date)?.state !== 'submitted' && due(date)),
  };
}

function complianceFigures(input: DashboardInput, today: string): Dashboard['compliance'] {
  const zone = input.policy.zone;
  const from = addDays(today, -(COMPLIANCE_DAYS - 1));
  // Reads the columns that compliance/snapshots.ts copies out of each snapshot, not the snapshot JSON.
  const rows = input.db
    .prepare('SELECT created_at, overall FROM compliance_snapshots WHERE created_at >= ? AND created_at < ? ORDER BY created_at')
    .all(startOfDay(from, zone), startOfDay(addDays(today, 1), zone)) as { created_at: number; overall: Verdict }[];

  const byDate = new Map<string, { overall: Verdict | null; snapshots: number }>();
  for (const row of rows) {
    const date = dateKey(row.created_at, zone);
    const day = byDate.get(date) ?? { overall: null, snapshots: 0 };
    byDate.set(date, { overall: worst(day.overall, row.overall), snapshots: day.snapshots + 1 });
  }

  const byDay = datesBetween(from, today).map((date) => ({ date, overall: byDate.get(date)?.overall ?? null, snapshots: byDate.get(date)?.snapshots ?? 0 }));
  return {
    days: COMPLIANCE_DAYS,
    from,
    to: today,
    byDay,
    daysChecked: byDay.filter((day) => day.snapshots > 0).length,
    daysPassed: byDay.filter((day) => day.overall === 'pass').length,
    latest: rows.at(-1)?.overall ?? null,
  };
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const today = dateKey(input.now, input.policy.zone);
  const work = input.workWeek;
  return {
    today,
    week: {
      weekStart: work.weekStart,
      workedMinutes: work.workedMinutes,
      pendingMinutes: work.pendingMinutes,
      capMinutes: work.capMinutes,
      overCapMinutes: work.overCapMinutes,
    },
    month: monthFigures(input, today),
    targets: input.targets,
    compliance: complianceFigures(input, today),
    responseTimes: input.responseTimes,
  };
}
