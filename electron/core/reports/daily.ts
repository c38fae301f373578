// Daily progress reports: autosaved drafts, submission through the outbox, and late filing for past
// working days. Dates are civil dates in the policy zone.
import { dailyReportPayloadSchema } from '../../../shared/central-api';
import type { DailyReportDraft, DailyReportView, ReportListItem } from '../../../shared/reports';
import type { Logger } from '../logger';
import type { Outbox } from '../outbox/outbox';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { writeTransaction, type Database } from '../storage/database';
import { addDays, dateKey } from '../worktime/zoned-time';
import { DailyReportRepository, type StoredReport } from './daily-repository';
import { assertReportable, datesBetween, describeDay, isCalendarDate } from './days';
import * as errors from './errors';
import { checkSubmittable, normalizeDraft } from './validate';

export const REPORTS_STREAM = 'reports';

/** Maximum number of days one listReports call returns. */
export const MAX_LIST_DAYS = 366;

export interface DailyReportsOptions {
  db: Database;
  outbox: Outbox;
  policy: () => Policy;
  calendar: () => WorkCalendar;
  now: () => number;
  /** Whether a target id names a user or policy target, checked at submission. */
  targetExists: (id: string) => boolean;
  /** Called after an event was committed to the outbox, to start a delivery. */
  onQueued: () => void;
  logger: Logger;
}

export class DailyReports {
  readonly repository: DailyReportRepository;

  constructor(private readonly options: DailyReportsOptions) {
    this.repository = new DailyReportRepository(options.db);
  }

  today(): string {
    return dateKey(this.options.now(), this.options.policy().zone);
  }

  view(date?: string): DailyReportView {
    const today = this.today();
    const shown = date ?? today;
    if (!isCalendarDate(shown)) throw errors.invalidDate(shown);

    const day = describeDay(this.options.calendar(), shown, today);
    const stored = this.repository.get(shown);
    const report = stored && stored.state === 'draft' ? { ...stored, late: shown < today } : stored;
    return { ...day, today, editable: day.reportable && stored?.state !== 'submitted', report };
  }

  /**
   * Stores the whole draft of the day in one transaction, so the last acknowledged autosave survives a
   * crash. An invalid draft throws before anything is written, leaving the stored one intact.
   */
  saveDraft(date: string, draft: DailyReportDraft): DailyReportView {
    const today = this.today();
    assertReportable(this.options.calendar(), date, today);
    const content = normalizeDraft(draft, this.options.policy().reports.maxAttachmentBytes);

    writeTransaction(this.options.db, () => {
      if (this.repository.get(date)?.state === 'submitted') throw errors.alreadySubmitted(date);
      this.repository.writeDraft(date, content, this.options.now());
    });
    return this.view(date);
  }

  /**
   * Submits the stored draft: marks it submitted and queues a report.daily_report event in the same
   * transaction. A report submitted after its own day ended in the policy zone is marked late.
   */
  submit(date: string): DailyReportView {
    const today = this.today();
    assertReportable(this.options.calendar(), date, today);
    const at = this.options.now();

    const submitted = writeTransaction(this.options.db, () => {
      const stored = this.repository.get(date);
      if (stored?.state === 'submitted') throw errors.alreadySubmitted(date);
      const content = stored ?? { activities: [], obstacles: '', plan: '' };
      checkSubmittable(date, content, this.options.targetExists);

      // NOTE: any past working day can still be filed late; no policy value bounds how far back.
      const late = date < today;
      const event = this.options.outbox.enqueue({
        stream: REPORTS_STREAM,
        type: 'report.daily_report',
        occurredAt: at,
        payload: dailyReportPayloadSchema.parse({
          date,
          late,
          submittedAt: at,
          revision: stored?.revision ?? 0,
          activities: content.activities,
          obstacles: content.obstacles,
          plan: content.plan,
        }),
      });
      this.repository.markSubmitted(date, at, late, event.id);
      return { late, eventId: event.id };
    });

    this.options.logger.info('Daily report submitted', { date, late: submitted.late, eventId: submitted.eventId });
    this.options.onQueued();
    return this.view(date);
  }

  /** Lists one item per day from `from` to `to` inclusive. */
  list(from: string, to: string): ReportListItem[] {
    if (!isCalendarDate(from)) throw errors.invalidDate(from);
    if (!isCalendarDate(to)) throw errors.invalidDate(to);
    if (to < from || addDays(from, MAX_LIST_DAYS - 1) < to) throw errors.rangeTooLong(from, to, MAX_LIST_DAYS);

    const today = this.today();
    const calendar = this.options.calendar();
    const reports = new Map(this.repository.between(from, to).map((report) => [report.date, report]));
    return datesBetween(from, to).map((date) => listItem(describeDay(calendar, date, today), reports.get(date) ?? null));
  }

  /** Returns whether the day's report was submitted, so the report reminder can be skipped. */
  isSubmitted(date: string): boolean {
    return this.repository.get(date)?.state === 'submitted';
  }
}

function listItem(day: ReturnType<typeof describeDay>, report: StoredReport | null): ReportListItem {
  return {
    date: day.date,
    working: day.working,
    dayOff: day.dayOff,
    status: dayStatus(day.reportable, report),
    late: report?.state === 'submitted' && report.late,
    activityCount: report?.activities.length ?? 0,
    submittedAt: report?.submittedAt ?? null,
  };
}

/** Status of a day: a stored report's state, else missing on a reportable day and not required otherwise. */
export function dayStatus(reportable: boolean, report: StoredReport | null): ReportListItem['status'] {
  if (report) return report.state;
  return reportable ? 'missing' : 'not_required';
}
