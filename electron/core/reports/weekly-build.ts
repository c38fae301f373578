// Builds a week's summary from its daily reports and its working hours. Pure: the service reads the
// database and the worktime records and passes them in.
import type { Language } from '../../../shared/domain';
import type { Activity, WeeklyDay, WeeklyTotals } from '../../../shared/reports';
import type { WorkTimeView } from '../../../shared/worktime';
import type { WorkCalendar } from '../policy/calendar';
import { addDays } from '../worktime/zoned-time';
import type { StoredReport } from './daily-repository';
import { dayStatus } from './daily';
import { describeDay } from './days';

/** The worktime figures of one week, as the Jam Kerja view computes them. */
export type WorkWeek = Pick<WorkTimeView['week'], 'weekStart' | 'days' | 'workedMinutes' | 'pendingMinutes' | 'capMinutes' | 'overCapMinutes'>;

export interface WeekInput {
  weekStart: string;
  today: string;
  calendar: WorkCalendar;
  /** Stored reports dated inside the week. */
  reports: readonly StoredReport[];
  work: WorkWeek;
}

/** Builds the seven days of the week; only submitted reports contribute activities and obstacles. */
export function buildWeekDays(input: WeekInput): WeeklyDay[] {
  const reports = new Map(input.reports.map((report) => [report.date, report]));
  const worked = new Map(input.work.days.map((day) => [day.date, day.workedMinutes]));

  const days: WeeklyDay[] = [];
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(input.weekStart, offset);
    const day = describeDay(input.calendar, date, input.today);
    const report = reports.get(date) ?? null;
    const submitted = report?.state === 'submitted' ? report : null;
    days.push({
      date,
      working: day.working,
      dayOff: day.dayOff,
      status: dayStatus(day.reportable, report),
      late: submitted?.late ?? false,
      workedMinutes: worked.get(date) ?? 0,
      activities: submitted?.activities ?? [],
      obstacles: submitted?.obstacles ?? '',
    });
  }
  return days;
}

function countStatus(activities: readonly Activity[], status: Activity['status']): number {
  return activities.filter((activity) => activity.status === status).length;
}

export function weekTotals(days: readonly WeeklyDay[], work: WorkWeek): WeeklyTotals {
  const activities = days.flatMap((day) => day.activities);
  const reportedHours = activities.reduce((sum, activity) => sum + (activity.hours ?? 0), 0);
  return {
    workingDays: days.filter((day) => day.working).length,
    reportsSubmitted: days.filter((day) => day.status === 'submitted').length,
    reportsLate: days.filter((day) => day.late).length,
    reportsDraft: days.filter((day) => day.status === 'draft').length,
    reportsMissing: days.filter((day) => day.status === 'missing').length,
    activities: activities.length,
    activitiesDone: countStatus(activities, 'done'),
    activitiesInProgress: countStatus(activities, 'in_progress'),
    activitiesBlocked: countStatus(activities, 'blocked'),
    reportedHours: Math.round(reportedHours * 100) / 100,
    workedMinutes: work.workedMinutes,
    capMinutes: work.capMinutes,
    overCapMinutes: work.overCapMinutes,
  };
}

const headings: Record<Language, Record<Activity['status'] | 'obstacles', string>> = {
  id: { done: 'Selesai', in_progress: 'Dalam proses', blocked: 'Terkendala', obstacles: 'Kendala' },
  en: { done: 'Done', in_progress: 'In progress', blocked: 'Blocked', obstacles: 'Obstacles' },
};

function activityLine(activity: Activity, date: string): string {
  const output = activity.output.trim() === '' ? '' : ` → ${activity.output.trim()}`;
  return `- ${activity.description.trim()}${output} (${date})`;
}

/**
 * Generates the summary text: the week's activities grouped by status with their outputs and dates,
 * then the obstacles reported. Written in the user's language; the user may edit it afterwards.
 */
export function generateSummaryText(days: readonly WeeklyDay[], language: Language): string {
  const words = headings[language];
  const sections: string[] = [];
  for (const status of ['done', 'in_progress', 'blocked'] as const) {
    const lines = days.flatMap((day) => day.activities.filter((activity) => activity.status === status).map((activity) => activityLine(activity, day.date)));
    if (lines.length > 0) sections.push(`${words[status]}:\n${lines.join('\n')}`);
  }

  const obstacles = days.filter((day) => day.obstacles.trim() !== '').map((day) => `- ${day.obstacles.trim()} (${day.date})`);
  if (obstacles.length > 0) sections.push(`${words.obstacles}:\n${obstacles.join('\n')}`);
  return sections.join('\n\n');
}
