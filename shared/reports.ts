// Schemas of daily progress reports, weekly summaries, output targets and the performance dashboard.
// Dates are YYYY-MM-DD in the policy zone, instants are UTC milliseconds, minutes are whole minutes.
import { z } from 'zod';
import { localizedTextSchema, verdictSchema } from './domain';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/**
 * Length limits of report fields, in characters (items for `activities`). The core checks them and
 * rejects a save that breaks one with a message in both languages naming the field and the limit,
 * keeping the stored draft as it was. The IPC input schemas accept up to INPUT_CEILING characters so
 * that an over-long field reaches the core's check instead of a bare validation error.
 */
export const REPORT_LIMITS = {
  activities: 30,
  description: 1000,
  output: 500,
  link: 2000,
  attachmentName: 255,
  obstacles: 2000,
  plan: 2000,
  weeklySummaryText: 10000,
  weeklyNotes: 4000,
  targetTitle: 200,
  targetUnit: 40,
  /** Hours one activity may claim. */
  activityHours: 24,
  /** Units one activity may contribute to its target. */
  activityQuantity: 1000,
  /** Units a target may ask for. */
  targetQuantity: 100000,
} as const;

/** Upper bound the IPC schemas accept for any text field; the core applies the real limits above. */
export const INPUT_CEILING = 100000;

const text = z.string().max(INPUT_CEILING);

export const activityStatusSchema = z.enum(['done', 'in_progress', 'blocked']);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

/**
 * A file named in a report. Only its name, SHA-256 digest and size travel; the file stays on the
 * laptop. Its size must not exceed the policy's `reports.maxAttachmentBytes`.
 */
export const attachmentRefSchema = z.object({
  name: text,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest written as 64 lowercase hex digits'),
  size: z.number().int().nonnegative(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** One activity of a daily report as the renderer sends it; the core assigns `id` when it is missing. */
export const activityInputSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  description: text,
  /** The output or deliverable the activity produced (e.g. "Draf SK mutasi, 3 halaman"). */
  output: text,
  status: activityStatusSchema,
  link: text.nullable().optional(),
  attachment: attachmentRefSchema.nullable().optional(),
  hours: z.number().nonnegative().nullable().optional(),
  /** The output target this activity counts towards; only `done` activities count. */
  targetId: z.string().min(1).max(64).nullable().optional(),
  /** Units of the target delivered by this activity; 1 when left out. */
  quantity: z.number().int().nonnegative().nullable().optional(),
});
export type ActivityInput = z.input<typeof activityInputSchema>;

export const activitySchema = z.object({
  id: z.string(),
  description: z.string(),
  output: z.string(),
  status: activityStatusSchema,
  link: z.string().nullable(),
  attachment: attachmentRefSchema.nullable(),
  hours: z.number().nonnegative().nullable(),
  targetId: z.string().nullable(),
  quantity: z.number().int().nonnegative().nullable(),
});
export type Activity = z.infer<typeof activitySchema>;

/** What the renderer autosaves: the whole editable content of one day's report. */
export const dailyReportDraftSchema = z.object({
  activities: z.array(activityInputSchema).max(1000),
  obstacles: text,
  plan: text,
});
export type DailyReportDraft = z.input<typeof dailyReportDraftSchema>;

export const reportStateSchema = z.enum(['draft', 'submitted']);
export type ReportState = z.infer<typeof reportStateSchema>;

export const dailyReportSchema = z.object({
  date: isoDate,
  state: reportStateSchema,
  activities: z.array(activitySchema),
  obstacles: z.string(),
  /** Plan for the next working day. */
  plan: z.string(),
  /**
   * Submitted after the report's own day ended in the policy zone. For a draft: would be late if
   * submitted now.
   */
  late: z.boolean(),
  /** Number of saves so far; each autosave increments it, so the renderer can tell which save was stored. */
  revision: z.number().int().nonnegative(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  submittedAt: z.number().int().nullable(),
});
export type DailyReport = z.infer<typeof dailyReportSchema>;

/** A day as the report pages show it, with its report if one exists. */
export const dailyReportViewSchema = z.object({
  date: isoDate,
  today: isoDate,
  working: z.boolean(),
  /** Why the day is not a working day (weekend, or the holiday's name); null on a working day. */
  dayOff: localizedTextSchema.nullable(),
  /** A report can be written for this day: a working day, not in the future. */
  reportable: z.boolean(),
  /** A report for this day can still be changed: reportable and not yet submitted. */
  editable: z.boolean(),
  report: dailyReportSchema.nullable(),
});
export type DailyReportView = z.infer<typeof dailyReportViewSchema>;

/** Status of one day in a list of reports; `not_required` marks weekends, holidays and days still ahead. */
export const reportDayStatusSchema = z.enum(['submitted', 'draft', 'missing', 'not_required']);
export type ReportDayStatus = z.infer<typeof reportDayStatusSchema>;

export const reportListItemSchema = z.object({
  date: isoDate,
  working: z.boolean(),
  dayOff: localizedTextSchema.nullable(),
  status: reportDayStatusSchema,
  late: z.boolean(),
  activityCount: z.number().int().nonnegative(),
  submittedAt: z.number().int().nullable(),
});
export type ReportListItem = z.infer<typeof reportListItemSchema>;

/** Totals of one week; every number is computed from the week's daily reports and working hours. */
export const weeklyTotalsSchema = z.object({
  workingDays: z.number().int().nonnegative(),
  reportsSubmitted: z.number().int().nonnegative(),
  reportsLate: z.number().int().nonnegative(),
  reportsDraft: z.number().int().nonnegative(),
  reportsMissing: z.number().int().nonnegative(),
  activities: z.number().int().nonnegative(),
  activitiesDone: z.number().int().nonnegative(),
  activitiesInProgress: z.number().int().nonnegative(),
  activitiesBlocked: z.number().int().nonnegative(),
  /** Sum of the hours the activities state, rounded to two decimals. */
  reportedHours: z.number().nonnegative(),
  /** Worked minutes from the working-time records (kept time, without pending away time). */
  workedMinutes: z.number().int().nonnegative(),
  capMinutes: z.number().int().positive(),
  overCapMinutes: z.number().int().nonnegative(),
});
export type WeeklyTotals = z.infer<typeof weeklyTotalsSchema>;

export const weeklyDaySchema = z.object({
  date: isoDate,
  working: z.boolean(),
  dayOff: localizedTextSchema.nullable(),
  status: reportDayStatusSchema,
  late: z.boolean(),
  workedMinutes: z.number().int().nonnegative(),
  activities: z.array(activitySchema),
  obstacles: z.string(),
});
export type WeeklyDay = z.infer<typeof weeklyDaySchema>;

export const weeklySummarySchema = z.object({
  /** Monday of the week in the policy zone. */
  weekStart: isoDate,
  /** Sunday of the week. */
  weekEnd: isoDate,
  state: reportStateSchema,
  days: z.array(weeklyDaySchema),
  totals: weeklyTotalsSchema,
  /**
   * The summary text: generated from the week's activities and outputs until the user edits it,
   * then the user's version. `regenerateWeeklySummary` restores the generated text.
   */
  summaryText: z.string(),
  summaryEdited: z.boolean(),
  /** The user's own notes for the weekly meeting. */
  notes: z.string(),
  /** The weekly virtual meeting of this week from the policy, as a date and HH:MM time; null when the policy sets none. */
  meeting: z.object({ date: isoDate, time: z.string() }).nullable(),
  updatedAt: z.number().int().nullable(),
  submittedAt: z.number().int().nullable(),
});
export type WeeklySummary = z.infer<typeof weeklySummarySchema>;

export const weeklySummaryEditSchema = z.object({
  summaryText: text,
  notes: text,
});
export type WeeklySummaryEdit = z.infer<typeof weeklySummaryEditSchema>;

export const targetPeriodSchema = z.enum(['week', 'month']);
export type TargetPeriod = z.infer<typeof targetPeriodSchema>;

/** An output target set by the user, or by the agency through the policy (read-only in the app). */
export const targetSchema = z.object({
  id: z.string(),
  title: z.string(),
  period: targetPeriodSchema,
  /** First day of the period: a Monday for a week, the first of the month for a month. */
  periodStart: isoDate,
  quantity: z.number().int().positive(),
  unit: z.string(),
  /** Last day on which delivered units count; missed when it passes with the quantity not reached. */
  deadline: isoDate,
  source: z.enum(['user', 'policy']),
});
export type Target = z.infer<typeof targetSchema>;

/** A target as the user saves it: `id` missing creates one; `periodStart` is moved to the start of its period. */
export const targetInputSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  title: text,
  period: targetPeriodSchema,
  periodStart: isoDate,
  quantity: z.number().int(),
  unit: text,
  deadline: isoDate,
});
export type TargetInput = z.input<typeof targetInputSchema>;

export const targetStatusSchema = z.enum(['open', 'met', 'missed']);
export const targetProgressSchema = z.object({
  target: targetSchema,
  /** Units from `done` activities of submitted reports dated from periodStart to deadline. */
  achieved: z.number().int().nonnegative(),
  /** achieved / quantity in percent, capped at 100. */
  percent: z.number().int().min(0).max(100),
  status: targetStatusSchema,
  /** The deadline passed with the quantity not reached. */
  missed: z.boolean(),
});
export type TargetProgress = z.infer<typeof targetProgressSchema>;

/** Response times to urgent requests, from the requests module when it is available. */
export const responseTimesSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false), reason: localizedTextSchema }),
  z.object({
    available: z.literal(true),
    windowDays: z.number().int().positive(),
    requests: z.number().int().nonnegative(),
    answered: z.number().int().nonnegative(),
    answeredInTime: z.number().int().nonnegative(),
    answeredLate: z.number().int().nonnegative(),
    /** Unanswered and past their deadline. */
    overdue: z.number().int().nonnegative(),
    medianMinutes: z.number().nonnegative().nullable(),
    maxMinutes: z.number().nonnegative().nullable(),
  }),
]);
export type ResponseTimes = z.infer<typeof responseTimesSchema>;

export const complianceDaySchema = z.object({
  date: isoDate,
  /** The worst overall verdict of that day's snapshots; null when no snapshot was taken. */
  overall: verdictSchema.nullable(),
  snapshots: z.number().int().nonnegative(),
});

export const dashboardSchema = z.object({
  today: isoDate,
  week: z.object({
    weekStart: isoDate,
    workedMinutes: z.number().int().nonnegative(),
    pendingMinutes: z.number().int().nonnegative(),
    capMinutes: z.number().int().positive(),
    overCapMinutes: z.number().int().nonnegative(),
  }),
  /** This calendar month up to today: working days only, weekends and holidays excluded. */
  month: z.object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    workingDays: z.number().int().nonnegative(),
    reportsSubmitted: z.number().int().nonnegative(),
    reportsLate: z.number().int().nonnegative(),
    /** Working days up to yesterday without a submitted report; today counts only once its window has ended. */
    missingDates: z.array(isoDate),
  }),
  targets: z.array(targetProgressSchema),
  /** Compliance over the last `days` days (today included), from stored snapshots. */
  compliance: z.object({
    days: z.number().int().positive(),
    from: isoDate,
    to: isoDate,
    byDay: z.array(complianceDaySchema),
    daysChecked: z.number().int().nonnegative(),
    daysPassed: z.number().int().nonnegative(),
    /** The latest snapshot's overall verdict; null when none exists in the period. */
    latest: verdictSchema.nullable(),
  }),
  responseTimes: responseTimesSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
