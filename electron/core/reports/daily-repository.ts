// SQL of the daily_reports table (migration 0005). Report contents are never logged.
import { activitySchema, type DailyReport } from '../../../shared/reports';
import { z } from 'zod';
import type { Database } from '../storage/database';
import type { DraftContent } from './validate';

interface DailyReportRow {
  date: string;
  state: 'draft' | 'submitted';
  activities_json: string;
  obstacles: string;
  plan: string;
  revision: number;
  late: number;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
}

const activitiesSchema = z.array(activitySchema);

/** A stored report; `late` is the stored flag, which only a submission sets. */
export type StoredReport = DailyReport;

function toReport(row: DailyReportRow): StoredReport {
  return {
    date: row.date,
    state: row.state,
    activities: activitiesSchema.parse(JSON.parse(row.activities_json)),
    obstacles: row.obstacles,
    plan: row.plan,
    late: row.late === 1,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}

const COLUMNS = 'date, state, activities_json, obstacles, plan, revision, late, created_at, updated_at, submitted_at';

export class DailyReportRepository {
  constructor(private readonly db: Database) {}

  get(date: string): StoredReport | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM daily_reports WHERE date = ?`).get(date) as DailyReportRow | undefined;
    return row ? toReport(row) : null;
  }

  /** Reports dated from `from` to `to` inclusive, oldest first. */
  between(from: string, to: string): StoredReport[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM daily_reports WHERE date >= ? AND date <= ? ORDER BY date`)
      .all(from, to) as DailyReportRow[];
    return rows.map(toReport);
  }

  /** Inserts or replaces the draft of the date and raises its revision; the caller runs it inside a write transaction. */
  writeDraft(date: string, content: DraftContent, at: number): void {
    this.db
      .prepare(
        `INSERT INTO daily_reports (date, state, activities_json, obstacles, plan, revision, created_at, updated_at)
         VALUES (@date, 'draft', @activities, @obstacles, @plan, 1, @at, @at)
         ON CONFLICT (date) DO UPDATE SET activities_json = excluded.activities_json, obstacles = excluded.obstacles,
           plan = excluded.plan, revision = daily_reports.revision + 1, updated_at = excluded.updated_at
         WHERE daily_reports.state = 'draft'`,
      )
      .run({ date, activities: JSON.stringify(content.activities), obstacles: content.obstacles, plan: content.plan, at });
  }

  /** Freezes the report as submitted; the caller runs it in the transaction that also queues its event. */
  markSubmitted(date: string, at: number, late: boolean, outboxId: string): void {
    this.db
      .prepare(
        `UPDATE daily_reports SET state = 'submitted', submitted_at = ?, late = ?, outbox_id = ?, updated_at = ?
         WHERE date = ? AND state = 'draft'`,
      )
      .run(at, late ? 1 : 0, outboxId, at, date);
  }
}
