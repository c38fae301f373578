// Weekly summaries for the weekly virtual meeting: generated from the week's daily reports and working
// hours, editable (the generated text and the user's notes) until submitted through the outbox.
import { weeklySummaryPayloadSchema } from '../../../shared/central-api';
import type { Language } from '../../../shared/domain';
import { weeklySummarySchema, type WeeklySummary, type WeeklySummaryEdit } from '../../../shared/reports';
import type { Logger } from '../logger';
import type { Outbox } from '../outbox/outbox';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { writeTransaction, type Database } from '../storage/database';
import { addDays, dateKey, weekStartKey } from '../worktime/zoned-time';
import { REPORTS_STREAM } from './daily';
import type { DailyReportRepository } from './daily-repository';
import { isCalendarDate } from './days';
import * as errors from './errors';
import { checkWeeklyEdit } from './validate';
import { buildWeekDays, generateSummaryText, weekTotals, type WorkWeek } from './weekly-build';

interface WeeklyRow {
  week_start: string;
  state: 'draft' | 'submitted';
  summary_text: string | null;
  notes: string;
  updated_at: number;
  submitted_json: string | null;
}

export interface WeeklySummariesOptions {
  db: Database;
  outbox: Outbox;
  reports: DailyReportRepository;
  policy: () => Policy;
  calendar: () => WorkCalendar;
  now: () => number;
  language: () => Language;
  /** Worktime totals of the week containing the date. */
  workWeek: (date: string) => WorkWeek;
  onQueued: () => void;
  logger: Logger;
}

export class WeeklySummaries {
  constructor(private readonly options: WeeklySummariesOptions) {}

  /** Returns the week containing the date (this week by default): as stored once submitted, else computed now. */
  get(date?: string): WeeklySummary {
    const weekStart = this.weekOf(date);
    const row = this.row(weekStart);
    if (row?.state === 'submitted' && row.submitted_json !== null) {
      return weeklySummarySchema.parse(JSON.parse(row.submitted_json));
    }
    return this.compute(weekStart, row);
  }

  save(date: string, edit: WeeklySummaryEdit): WeeklySummary {
    const weekStart = this.weekOf(date);
    checkWeeklyEdit(edit);

    writeTransaction(this.options.db, () => {
      const row = this.row(weekStart);
      if (row?.state === 'submitted') throw errors.weeklyAlreadySubmitted(weekStart);

      // An unchanged generated text stays unedited, so it keeps following the daily reports.
      const generated = this.compute(weekStart, null).summaryText;
      const summaryText = edit.summaryText === generated ? null : edit.summaryText;
      this.upsert(weekStart, summaryText, edit.notes);
    });
    return this.get(weekStart);
  }

  /** Drops the user's version of the summary text, so it is generated from the daily reports again. */
  regenerate(date: string): WeeklySummary {
    const weekStart = this.weekOf(date);
    writeTransaction(this.options.db, () => {
      const row = this.row(weekStart);
      if (row?.state === 'submitted') throw errors.weeklyAlreadySubmitted(weekStart);
      this.upsert(weekStart, null, row?.notes ?? '');
    });
    return this.get(weekStart);
  }

  /** Freezes the summary as it reads now and queues it as a report.weekly_summary event in one transaction. */
  submit(date: string): WeeklySummary {
    const weekStart = this.weekOf(date);
    const today = this.today();
    if (weekStart > today) throw errors.weekNotStarted(weekStart, today);
    const at = this.options.now();

    const summary = writeTransaction(this.options.db, () => {
      const row = this.row(weekStart);
      if (row?.state === 'submitted') throw errors.weeklyAlreadySubmitted(weekStart);
      const draft = this.compute(weekStart, row);
      checkWeeklyEdit(draft);

      const submitted: WeeklySummary = { ...draft, state: 'submitted', submittedAt: at, updatedAt: at };
      const event = this.options.outbox.enqueue({
        stream: REPORTS_STREAM,
        type: 'report.weekly_summary',
        occurredAt: at,
        payload: weeklySummaryPayloadSchema.parse(submitted),
      });
      this.upsert(weekStart, row?.summary_text ?? null, draft.notes);
      this.options.db
        .prepare("UPDATE weekly_summaries SET state = 'submitted', submitted_at = ?, submitted_json = ?, outbox_id = ? WHERE week_start = ?")
        .run(at, JSON.stringify(submitted), event.id, weekStart);
      return submitted;
    });

    this.options.logger.info('Weekly summary submitted', { weekStart, reports: summary.totals.reportsSubmitted });
    this.options.onQueued();
    return summary;
  }

  private compute(weekStart: string, row: WeeklyRow | null): WeeklySummary {
    const weekEnd = addDays(weekStart, 6);
    const work = this.options.workWeek(weekStart);
    const days = buildWeekDays({
      weekStart,
      today: this.today(),
      calendar: this.options.calendar(),
      reports: this.options.reports.between(weekStart, weekEnd),
      work,
    });
    const generated = generateSummaryText(days, this.options.language());

    return {
      weekStart,
      weekEnd,
      state: 'draft',
      days,
      totals: weekTotals(days, work),
      summaryText: row?.summary_text ?? generated,
      summaryEdited: row?.summary_text !== null && row?.summary_text !== undefined,
      notes: row?.notes ?? '',
      meeting: this.meeting(weekStart),
      updatedAt: row?.updated_at ?? null,
      submittedAt: null,
    };
  }

  /** Returns the policy's weekly meeting in this week, or null when the policy sets none. */
  private meeting(weekStart: string): WeeklySummary['meeting'] {
    const meeting = this.options.policy().worktime.reminders.weeklyMeeting;
    if (!meeting) return null;
    return { date: addDays(weekStart, meeting.weekday - 1), time: meeting.time };
  }

  private weekOf(date: string | undefined): string {
    const day = date ?? this.today();
    if (!isCalendarDate(day)) throw errors.invalidDate(day);
    return weekStartKey(day);
  }

  private today(): string {
    return dateKey(this.options.now(), this.options.policy().zone);
  }

  private row(weekStart: string): WeeklyRow | null {
    const row = this.options.db
      .prepare('SELECT week_start, state, summary_text, notes, updated_at, submitted_json FROM weekly_summaries WHERE week_start = ?')
      .get(weekStart) as WeeklyRow | undefined;
    return row ?? null;
  }

  private upsert(weekStart: string, summaryText: string | null, notes: string): void {
    this.options.db
      .prepare(
        `INSERT INTO weekly_summaries (week_start, state, summary_text, notes, updated_at) VALUES (?, 'draft', ?, ?, ?)
         ON CONFLICT (week_start) DO UPDATE SET summary_text = excluded.summary_text, notes = excluded.notes, updated_at = excluded.updated_at`,
      )
      .run(weekStart, summaryText, notes, this.options.now());
  }
}
