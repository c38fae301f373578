// Output targets: the user's own (report_targets) and the agency's from the policy (read-only).
// Done activities of submitted reports dated inside a target's period count towards it.
import { randomUUID } from 'node:crypto';
import { REPORT_LIMITS, type Target, type TargetInput, type TargetProgress } from '../../../shared/reports';
import type { Policy } from '../policy/schema';
import { writeTransaction, type Database } from '../storage/database';
import { weekStartKey } from '../worktime/zoned-time';
import type { StoredReport } from './daily-repository';
import { isCalendarDate } from './days';
import * as errors from './errors';
import { characterCount } from './validate';

interface TargetRow {
  id: string;
  title: string;
  period: 'week' | 'month';
  period_start: string;
  quantity: number;
  unit: string;
  deadline: string;
}

function toTarget(row: TargetRow): Target {
  return {
    id: row.id,
    title: row.title,
    period: row.period,
    periodStart: row.period_start,
    quantity: row.quantity,
    unit: row.unit,
    deadline: row.deadline,
    source: 'user',
  };
}

/** Returns the first day of the target's period: the Monday of a week, the first of a month. */
export function periodStartOf(period: Target['period'], date: string): string {
  return period === 'week' ? weekStartKey(date) : `${date.slice(0, 7)}-01`;
}

/** Units delivered towards the target: done activities linked to it in submitted reports of its period. */
export function achievedUnits(target: Target, reports: readonly StoredReport[]): number {
  let units = 0;
  for (const report of reports) {
    if (report.state !== 'submitted' || report.date < target.periodStart || report.date > target.deadline) continue;
    for (const activity of report.activities) {
      if (activity.targetId === target.id && activity.status === 'done') units += activity.quantity ?? 1;
    }
  }
  return units;
}

function targetStatus(met: boolean, missed: boolean): TargetProgress['status'] {
  if (met) return 'met';
  return missed ? 'missed' : 'open';
}

/** Progress of one target on `today`: met once the quantity is reached, missed once the deadline passed without it. */
export function targetProgress(target: Target, reports: readonly StoredReport[], today: string): TargetProgress {
  const achieved = achievedUnits(target, reports);
  const met = achieved >= target.quantity;
  const missed = !met && today > target.deadline;
  return {
    target,
    achieved,
    percent: Math.min(100, Math.floor((achieved * 100) / target.quantity)),
    status: targetStatus(met, missed),
    missed,
  };
}

function checkText(field: 'targetTitle' | 'targetUnit', text: string): void {
  if (text.trim() === '') throw errors.missing(field);
  const count = characterCount(text);
  if (count > REPORT_LIMITS[field]) throw errors.tooLong(field, REPORT_LIMITS[field], count);
}

export class Targets {
  constructor(
    private readonly db: Database,
    private readonly policy: () => Policy,
    private readonly now: () => number,
  ) {}

  /** Policy targets first, then the user's, each ordered by period start. */
  all(): Target[] {
    const fromPolicy: Target[] = this.policy().reports.targets.map((target) => ({ ...target, source: 'policy' }));
    const rows = this.db
      .prepare('SELECT id, title, period, period_start, quantity, unit, deadline FROM report_targets ORDER BY period_start, created_at')
      .all() as TargetRow[];
    return [...fromPolicy, ...rows.map(toTarget)];
  }

  exists(id: string): boolean {
    return this.all().some((target) => target.id === id);
  }

  /** Creates a target (no id) or updates one of the user's; returns it as stored. */
  save(input: TargetInput): Target {
    checkText('targetTitle', input.title);
    checkText('targetUnit', input.unit);
    if (input.quantity < 1 || input.quantity > REPORT_LIMITS.targetQuantity) {
      throw errors.outOfRange('targetQuantity', 1, REPORT_LIMITS.targetQuantity, input.quantity);
    }
    if (!isCalendarDate(input.periodStart)) throw errors.invalidDate(input.periodStart);
    if (!isCalendarDate(input.deadline)) throw errors.invalidDate(input.deadline);
    const periodStart = periodStartOf(input.period, input.periodStart);
    if (input.deadline < periodStart) throw errors.deadlineBeforeStart(input.deadline, periodStart);
    if (input.id !== undefined && this.policy().reports.targets.some((target) => target.id === input.id)) {
      throw errors.policyTargetReadOnly(input.id);
    }

    const target: Target = {
      id: input.id ?? randomUUID(),
      title: input.title.trim(),
      period: input.period,
      periodStart,
      quantity: input.quantity,
      unit: input.unit.trim(),
      deadline: input.deadline,
      source: 'user',
    };
    const at = this.now();
    writeTransaction(this.db, () => {
      const existing = this.db.prepare('SELECT 1 FROM report_targets WHERE id = ?').get(target.id);
      if (input.id !== undefined && !existing) throw errors.targetNotFound(input.id);
      this.db
        .prepare(
          `INSERT INTO report_targets (id, title, period, period_start, quantity, unit, deadline, created_at, updated_at)
           VALUES (@id, @title, @period, @periodStart, @quantity, @unit, @deadline, @at, @at)
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, period = excluded.period, period_start = excluded.period_start,
             quantity = excluded.quantity, unit = excluded.unit, deadline = excluded.deadline, updated_at = excluded.updated_at`,
        )
        .run({ ...target, at });
    });
    return target;
  }

  /** Deletes one of the user's targets; activities that named it stop counting towards anything. */
  delete(id: string): boolean {
    if (this.policy().reports.targets.some((target) => target.id === id)) throw errors.policyTargetReadOnly(id);
    return writeTransaction(this.db, () => this.db.prepare('DELETE FROM report_targets WHERE id = ?').run(id).changes > 0);
  }
}
