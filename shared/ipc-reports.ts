// IPC calls for daily progress reports, weekly summaries, targets and the dashboard. shared/ipc.ts merges them into the one contract.
// Core errors (non-working day, holiday, submitted report, length limit) come back as
// { ok: false, error: { code: 'failed', text: { id, en } } } with the text naming the field and limit.
import { z } from 'zod';
import { languageSchema } from './domain';
import {
  dailyReportDraftSchema,
  dailyReportViewSchema,
  dashboardSchema,
  reportListItemSchema,
  targetInputSchema,
  targetProgressSchema,
  weeklySummaryEditSchema,
  weeklySummarySchema,
} from './reports';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const reportsCalls = {
  /** The day's report view; `date` defaults to today in the policy zone. */
  getDailyReport: { input: z.object({ date: isoDate.optional() }).strict(), output: dailyReportViewSchema },
  /** Stores the whole draft in one transaction (autosave); rejected for submitted reports and non-working days. */
  saveDraft: { input: z.object({ date: isoDate, draft: dailyReportDraftSchema }).strict(), output: dailyReportViewSchema },
  /** Submits the stored draft through the outbox; marked late when the report's day has ended. */
  submitDailyReport: { input: z.object({ date: isoDate }).strict(), output: dailyReportViewSchema },
  /** One item per day from `from` to `to` inclusive (at most 366 days). */
  listReports: {
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: z.object({ items: z.array(reportListItemSchema) }),
  },
  /** The week containing `weekStart` (moved to its Monday); defaults to this week. */
  getWeeklySummary: { input: z.object({ weekStart: isoDate.optional() }).strict(), output: weeklySummarySchema },
  saveWeeklySummary: { input: z.object({ weekStart: isoDate, edit: weeklySummaryEditSchema }).strict(), output: weeklySummarySchema },
  /** Replaces the summary text with one generated anew from the daily reports; notes stay. */
  regenerateWeeklySummary: { input: z.object({ weekStart: isoDate }).strict(), output: weeklySummarySchema },
  submitWeeklySummary: { input: z.object({ weekStart: isoDate }).strict(), output: weeklySummarySchema },
  /** A complete printable HTML document of the summary; language defaults to the app's language. */
  renderWeeklySummaryHtml: {
    input: z.object({ weekStart: isoDate, language: languageSchema.optional() }).strict(),
    output: z.object({ html: z.string(), fileName: z.string() }),
  },
  /** Targets whose period overlaps `from`..`to` (both optional), with their progress. */
  listTargets: {
    input: z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict(),
    output: z.object({ targets: z.array(targetProgressSchema) }),
  },
  /** Creates (no id) or updates a user target; policy targets are read-only. */
  saveTarget: { input: z.object({ target: targetInputSchema }).strict(), output: targetProgressSchema },
  deleteTarget: { input: z.object({ id: z.string().min(1) }).strict(), output: z.object({ deleted: z.boolean() }) },
  getDashboard: { input: z.object({}).strict(), output: dashboardSchema },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
