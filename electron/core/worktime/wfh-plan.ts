// The week's plan of WFH and office days against the job category's WFH quota. Exceeding the quota
// warns and is still saved; an exception day (meeting, training, inspection, service hours) is an
// office day that the person marks as required.
import { jobCategorySchema, officeExceptionSchema, workPlaceSchema } from '../../../shared/worktime';
import type { WorkCalendar } from '../policy/calendar';
import type { JobCategory, Policy } from '../policy/schema';
import { CompanionError } from '../errors';
import { writeTransaction, type Database } from '../storage/database';
import { addDays, startOfDay, weekStartKey } from './zoned-time';

export type WorkPlace = (typeof workPlaceSchema.options)[number];
export type OfficeException = (typeof officeExceptionSchema.options)[number];
export { jobCategorySchema };

export interface PlannedDay {
  date: string;
  working: boolean;
  place: WorkPlace | null;
  exception: OfficeException | null;
}

export interface WeekPlan {
  weekStart: string;
  jobCategory: JobCategory;
  quotaDays: number;
  usedDays: number;
  leftDays: number;
  exceeded: boolean;
  days: PlannedDay[];
}

const JOB_CATEGORY_KEY = 'job_category';

export class WfhPlanner {
  constructor(
    private readonly db: Database,
    private readonly policy: () => Policy,
    private readonly calendar: () => WorkCalendar,
  ) {}

  jobCategory(): JobCategory {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(JOB_CATEGORY_KEY) as { value: string } | undefined;
    const parsed = jobCategorySchema.safeParse(row?.value);
    return parsed.success ? parsed.data : 'administrative';
  }

  setJobCategory(category: JobCategory): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(JOB_CATEGORY_KEY, category);
    });
  }

  /** Plans one day; an exception is only valid on an office day. Returns the week with its quota. */
  planDay(date: string, place: WorkPlace, exception: OfficeException | null, at: number): WeekPlan {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new CompanionError('invalid_date', {
        id: `Tanggal "${date}" tidak valid. Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-12-01.`,
        en: `Invalid date "${date}". Write the date as YYYY-MM-DD, e.g. 2026-12-01.`,
      });
    }
    if (place === 'wfh' && exception !== null) {
      throw new CompanionError('exception_on_wfh_day', {
        id: `Pengecualian "${exception}" menandai hari wajib ke kantor. Rencanakan ${date} sebagai hari kantor atau hapus pengecualiannya.`,
        en: `An exception ("${exception}") marks a required office day. Plan ${date} as an office day or drop the exception.`,
      });
    }
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO wfh_plan (date, place, exception, planned_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (date) DO UPDATE SET place = excluded.place, exception = excluded.exception, planned_at = excluded.planned_at`,
        )
        .run(date, place, exception, at);
    });
    return this.week(date);
  }

  clearDay(date: string): WeekPlan {
    writeTransaction(this.db, () => this.db.prepare('DELETE FROM wfh_plan WHERE date = ?').run(date));
    return this.week(date);
  }

  /** Whether a WFH session began on the civil date in the policy zone. */
  private workedFromHome(date: string): boolean {
    const zone = this.policy().zone;
    const row = this.db
      .prepare("SELECT 1 FROM work_sessions WHERE mode = 'wfh' AND started_at >= ? AND started_at < ? LIMIT 1")
      .get(startOfDay(date, zone), startOfDay(addDays(date, 1), zone));
    return row !== undefined;
  }

  /**
   * The Monday-to-Sunday week containing the date. A working day uses the quota when it is planned
   * as WFH, or when it has no plan and a WFH session; WFH on a day off does not count.
   */
  week(date: string): WeekPlan {
    const weekStart = weekStartKey(date);
    const rows = this.db
      .prepare('SELECT date, place, exception FROM wfh_plan WHERE date >= ? AND date < ?')
      .all(weekStart, addDays(weekStart, 7)) as { date: string; place: WorkPlace; exception: OfficeException | null }[];
    const planned = new Map(rows.map((row) => [row.date, row]));

    const days: PlannedDay[] = [];
    for (let index = 0; index < 7; index++) {
      const day = addDays(weekStart, index);
      const row = planned.get(day);
      days.push({ date: day, working: this.calendar().day(day).working, place: row?.place ?? null, exception: row?.exception ?? null });
    }

    const jobCategory = this.jobCategory();
    const quotaDays = this.policy().jobCategories[jobCategory].wfhDaysPerWeek;
    const usedDays = days.filter((day) => day.working && (day.place === 'wfh' || (day.place === null && this.workedFromHome(day.date)))).length;
    return {
      weekStart,
      jobCategory,
      quotaDays,
      usedDays,
      leftDays: Math.max(0, quotaDays - usedDays),
      exceeded: usedDays > quotaDays,
      days,
    };
  }
}
