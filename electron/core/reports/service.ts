// The reports feature as the companion exposes it: daily reports, weekly summaries, targets and the
// dashboard, built from one set of dependencies in companion.ts.
import type { Language } from '../../../shared/domain';
import { renderWeeklySummaryHtml, weeklySummaryFileName } from '../../../shared/reports-html';
import type { Dashboard, Target, TargetInput, TargetProgress } from '../../../shared/reports';
import type { Logger } from '../logger';
import type { Outbox } from '../outbox/outbox';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import type { Database } from '../storage/database';
import { dateKey } from '../worktime/zoned-time';
import { DailyReports } from './daily';
import { buildDashboard, responseTimesUnavailable, type ResponseTimesProvider } from './dashboard';
import { isCalendarDate } from './days';
import * as errors from './errors';
import { targetProgress, Targets } from './targets';
import { WeeklySummaries } from './weekly';
import type { WorkWeek } from './weekly-build';

export interface ReportsServiceOptions {
  db: Database;
  outbox: Outbox;
  policy: () => Policy;
  calendar: () => WorkCalendar;
  now: () => number;
  language: () => Language;
  workWeek: (date: string) => WorkWeek;
  /** Response times to urgent requests; without one the dashboard shows them as not available. */
  responseTimes?: ResponseTimesProvider;
  onQueued: () => void;
  logger: Logger;
}

export class ReportsService {
  readonly daily: DailyReports;
  readonly weekly: WeeklySummaries;
  readonly targets: Targets;

  constructor(private readonly options: ReportsServiceOptions) {
    this.targets = new Targets(options.db, options.policy, options.now);
    this.daily = new DailyReports({ ...options, targetExists: (id) => this.targets.exists(id) });
    this.weekly = new WeeklySummaries({ ...options, reports: this.daily.repository });
  }

  /** Renders the week's summary as a printable HTML document, with a file name for its PDF. */
  weeklyHtml(weekStart: string, language?: Language): { html: string; fileName: string } {
    const summary = this.weekly.get(weekStart);
    const chosen = language ?? this.options.language();
    return {
      html: renderWeeklySummaryHtml(summary, { language: chosen, zone: this.options.policy().zone }),
      fileName: weeklySummaryFileName(summary.weekStart, chosen),
    };
  }

  /** Targets whose period overlaps `from`..`to` (every target when both are missing), with progress. */
  listTargets(from?: string, to?: string): TargetProgress[] {
    for (const date of [from, to]) {
      if (date !== undefined && !isCalendarDate(date)) throw errors.invalidDate(date);
    }
    const targets = this.targets.all().filter((target) => (to === undefined || target.periodStart <= to) && (from === undefined || target.deadline >= from));
    return this.progress(targets);
  }

  saveTarget(input: TargetInput): TargetProgress {
    const target = this.targets.save(input);
    this.options.logger.info('Target saved', { targetId: target.id, period: target.period });
    return this.progress([target])[0]!;
  }

  deleteTarget(id: string): { deleted: boolean } {
    const deleted = this.targets.delete(id);
    this.options.logger.info('Target deleted', { targetId: id, deleted });
    return { deleted };
  }

  dashboard(): Dashboard {
    const now = this.options.now();
    const policy = this.options.policy();
    const today = dateKey(now, policy.zone);
    // This month's targets: the ones already running and the ones whose deadline passed this month.
    const monthStart = `${today.slice(0, 7)}-01`;
    const current = this.targets.all().filter((target) => target.periodStart <= today && target.deadline >= monthStart);
    return buildDashboard({
      db: this.options.db,
      now,
      policy,
      calendar: this.options.calendar(),
      reports: this.daily.repository,
      workWeek: this.options.workWeek(today),
      targets: this.progress(current),
      responseTimes: this.options.responseTimes?.() ?? responseTimesUnavailable,
    });
  }

  private progress(targets: readonly Target[]): TargetProgress[] {
    if (targets.length === 0) return [];
    const today = dateKey(this.options.now(), this.options.policy().zone);
    const from = targets.reduce((min, target) => (target.periodStart < min ? target.periodStart : min), targets[0]!.periodStart);
    const to = targets.reduce((max, target) => (target.deadline > max ? target.deadline : max), targets[0]!.deadline);
    const reports = this.daily.repository.between(from, to);
    return targets.map((target) => targetProgress(target, reports, today));
  }
}
