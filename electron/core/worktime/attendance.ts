// Check-in and check-out, and the day and week totals in the policy zone.
import { v7 as uuidv7 } from 'uuid';
import type { AttendanceStatus, WorkMode } from '../../../shared/domain';
import { CompanionError } from '../errors';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { writeTransaction, type Database } from '../storage/database';
import type { SessionFlag, SessionRecord } from './records';
import { WorktimeRepository } from './repository';
import { summarizeWeek, type SummaryInput, type WeekSummary } from './summary';
import { addDays, dateKey, MINUTE, startOfDay, weekStartKey } from './zoned-time';

export type WorkSession = Omit<SessionRecord, 'flags'>;

/** Side effects that must commit in the same transaction as the attendance change (the outbox event). */
export type AttendanceHook = (event: { type: 'check_in' | 'check_out'; session: WorkSession; at: number }) => void;

export interface CheckOutOptions {
  /** When the session ended, e.g. the shutdown event's time; defaults to now. Never before the check-in. */
  at?: number;
  /** Flag for an end that needs a second look (closed at the last heartbeat, at shutdown, at the cap). */
  flag?: SessionFlag;
}

export class AttendanceService {
  readonly repository: WorktimeRepository;

  constructor(
    private readonly db: Database,
    private readonly policy: () => Policy,
    private readonly calendar: () => WorkCalendar,
    private readonly now: () => number,
    private readonly onChange: AttendanceHook = () => {},
  ) {
    this.repository = new WorktimeRepository(db);
  }

  /** Starts a session; the row and its outbox event are committed before this returns. */
  checkIn(mode: WorkMode, at: number = this.now()): AttendanceStatus {
    writeTransaction(this.db, () => {
      if (this.repository.openSession()) {
        throw new CompanionError('already_checked_in', {
          id: 'Anda sudah check-in. Lakukan check-out terlebih dahulu.',
          en: 'You are already checked in. Check out first.',
        });
      }
      // A clock stepped back since the last check-out must not start a session inside the previous one.
      const startedAt = Math.max(at, this.repository.lastSessionEnd() ?? at);
      const session: WorkSession = { id: uuidv7({ msecs: startedAt }), mode, startedAt, endedAt: null };
      this.db
        .prepare('INSERT INTO work_sessions (id, mode, started_at, ended_at) VALUES (?, ?, ?, NULL)')
        .run(session.id, mode, startedAt);
      this.onChange({ type: 'check_in', session, at: startedAt });
    });
    return this.status();
  }

  /** Ends the open session; the row and its outbox event are committed before this returns. */
  checkOut(options: CheckOutOptions = {}): AttendanceStatus {
    writeTransaction(this.db, () => this.checkOutInTransaction(options));
    return this.status();
  }

  /** Ends the open session like checkOut, for callers that already hold a write transaction. */
  checkOutInTransaction(options: CheckOutOptions = {}): WorkSession {
    const session = this.repository.openSession();
    if (!session) {
      throw new CompanionError('not_checked_in', {
        id: 'Anda belum check-in, jadi tidak ada yang perlu di-check-out.',
        en: 'You are not checked in, so there is nothing to check out.',
      });
    }

    // A clock stepped back since check-in must not yield a negative session.
    const endedAt = Math.max(options.at ?? this.now(), session.startedAt);
    this.db.prepare('UPDATE work_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(endedAt, session.id);
    if (options.flag) this.repository.addSessionFlag(session.id, options.flag);

    // Away time after the end no longer belongs to the session.
    this.db.prepare('DELETE FROM away_intervals WHERE session_id = ? AND started_at >= ? AND decision = ?').run(session.id, endedAt, 'pending');
    this.db.prepare('UPDATE away_intervals SET ended_at = ? WHERE session_id = ? AND (ended_at IS NULL OR ended_at > ?)').run(endedAt, session.id, endedAt);

    const closed = { id: session.id, mode: session.mode, startedAt: session.startedAt, endedAt };
    this.onChange({ type: 'check_out', session: closed, at: endedAt });
    return closed;
  }

  /** Sessions and away intervals overlapping [from, to), ready for the summary functions. */
  records(from: number, to: number): SummaryInput {
    const sessions = this.repository.sessionsBetween(from, to);
    const aways = this.repository.awaysBetween(from, to);
    const policy = this.policy();
    return { sessions, aways, zone: policy.zone, calendar: this.calendar(), now: this.now() };
  }

  /** The week in the policy zone that contains the date (today by default). */
  week(date: string = dateKey(this.now(), this.policy().zone)): WeekSummary {
    const zone = this.policy().zone;
    const monday = weekStartKey(date);
    const input = this.records(startOfDay(monday, zone), startOfDay(addDays(monday, 7), zone));
    return summarizeWeek(input, date, this.policy().worktime.weeklyCapMinutes * MINUTE);
  }

  status(): AttendanceStatus {
    const policy = this.policy();
    const today = dateKey(this.now(), policy.zone);
    const week = this.week(today);
    const todaySummary = week.days.find((day) => day.date === today)!;
    const open = this.repository.openSession();

    const day = this.calendar().day(today);
    return {
      checkedIn: open !== null,
      session: open ? { id: open.id, mode: open.mode, startedAt: open.startedAt } : null,
      zone: policy.zone,
      today,
      todayMinutes: Math.floor(todaySummary.workedMs / MINUTE),
      weekMinutes: Math.floor(week.workedMs / MINUTE),
      weeklyCapMinutes: policy.worktime.weeklyCapMinutes,
      window: day.working ? { start: day.schedule.start, end: day.schedule.end } : null,
      dayOff: day.working ? null : day.reason,
    };
  }
}
