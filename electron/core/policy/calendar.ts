import type { LocalizedText } from '../../../shared/domain';
import { isoWeekday } from '../worktime/zoned-time';
import holidays2026 from './holidays/2026.json';
import type { DaySchedule, Policy } from './schema';

export interface HolidayEntry {
  date: string;
  kind: 'holiday' | 'cuti-bersama';
  name: LocalizedText;
}

export interface HolidayTable {
  year: number;
  source: string;
  days: HolidayEntry[];
}

/** Holiday tables shipped with the app; later years arrive as data, since Islamic holidays are set by decree. */
export const builtInHolidayTables: readonly HolidayTable[] = [holidays2026 as HolidayTable];

export type WorkingDay =
  | { working: true; date: string; schedule: DaySchedule; ramadan: boolean }
  | { working: false; date: string; reason: LocalizedText; holiday: HolidayEntry | null };

export class WorkCalendar {
  private readonly holidays = new Map<string, HolidayEntry>();
  private readonly years = new Set<number>();

  constructor(
    private readonly policy: Policy,
    tables: readonly HolidayTable[] = builtInHolidayTables,
  ) {
    for (const table of tables) {
      this.years.add(table.year);
      for (const entry of table.days) this.holidays.set(entry.date, entry);
    }
  }

  /** Whether a holiday table covers the year; without one, only weekends are known days off. */
  hasHolidayTable(year: number): boolean {
    return this.years.has(year);
  }

  day(date: string): WorkingDay {
    const holiday = this.holidays.get(date);
    if (holiday) {
      return { working: false, date, reason: holiday.name, holiday };
    }

    const ramadan = this.policy.worktime.ramadan;
    const inRamadan = ramadan !== undefined && date >= ramadan.from && date <= ramadan.to;
    const schedules = inRamadan ? ramadan.schedule : this.policy.worktime.schedule;
    const weekday = String(isoWeekday(date)) as keyof typeof schedules;
    const schedule = schedules[weekday];
    if (!schedule) {
      return { working: false, date, reason: { id: 'Akhir pekan', en: 'Weekend' }, holiday: null };
    }
    return { working: true, date, schedule, ramadan: inRamadan };
  }
}
