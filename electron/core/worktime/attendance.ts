// Check-in and check-out, and the day and week totals in the policy zone.
import { v7 as uuidv7 } from 'uuid';
import type { AttendanceStatus, WorkMode } from '../../../shared/domain';
import { CompanionError } from '../errors';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { writeTransaction, type Database } from '../storage/database';
import { addDays, dateKey, MINUTE, overlap, startOfDay, weekStartKey } from './zoned-time';

export interface WorkSession {
  id: string;
  mode: WorkMode;
  startedAt: number;
  endedAt: number | null;
}

interface SessionRow {
  id: string;
  mode: WorkMode;
  started_at: number;
  ended_at: number | null;
}


function toSession(row: SessionRow): WorkSession {
  return { id: row.id, mode: row.mode, startedAt: row.started_at, endedAt: row.ended_at };
}

export class AttendanceRepository {
  constructor(private readonly db: Database) {}

  openSession(): WorkSession | null {
    const row = this.db.prepare('SELECT * FROM work_sessions WHERE ended_at IS NULL').get() as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  insertSession(session: WorkSession): void {
    this.db
      .prepare('INSERT INTO work_sessions (id, mode, started_at, ended_at) VALUES (?, ?, ?, ?)')
      .run(session.id, session.mode, session.startedAt, session.endedAt);
  }

  closeSession(id: string, endedAt: number): void {
    this.db.prepare('UPDATE work_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(endedAt, id);
  }

  /** Sessions that overlap [from, to), open ones included. */
  sessionsBetween(from: number, to: number): WorkSession[] {
    const rows = this.db
      .prepare('SELECT * FROM work_sessions WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?) ORDER BY started_at')
      .all(to, from) as SessionRow[];
    return rows.map(toSession);
  }
}

/** Side effects that must commit in the same transaction as the attendance change (the outbox event). */
export type AttendanceHook = (event: { type: 'check_in' | 'check_out'; session: WorkSession; at: number }) => void;

export class AttendanceService {
  private readonly repository: AttendanceRepository;

  constructor(
    private readonly db: Database,
    private readonly policy: () => Policy,
    private readonly calendar: () => WorkCalendar,
    private readonly now: () => number,
    private readonly onChange: AttendanceHook = () => {},
  ) {
    this.repository = new AttendanceRepository(db);
  }

  /** Starts a session; the row and its outbox event are committed before this returns. */
  checkIn(mode: WorkMode): AttendanceStatus {
    const at = this.now();
    writeTransaction(this.db, () => {
      if (this.repository.openSession()) {
        throw new CompanionError('already_checked_in', {
          id: 'Anda sudah check-in. Lakukan check-out terlebih dahulu.',
          en: 'You are already checked in. Check out first.',
        });
      }
      const session: WorkSession = { id: uuidv7({ msecs: at }), mode, startedAt: at, endedAt: null };
      this.repository.insertSession(session);
      this.onChange({ type: 'check_in', session, at });
    });
    return this.status();
  }

  /** Ends the open session; the row and its outbox event are committed before this returns. */
  checkOut(): AttendanceStatus {
    const at = this.now();
    writeTransaction(this.db, () => {
      const session = this.repository.openSession();
      if (!session) {
        throw new CompanionError('not_checked_in', {
          id: 'Anda belum check-in, jadi tidak ada yang perlu di-check-out.',
          en: 'You are not checked in, so there is nothing to check out.',
        });
      }
      // A clock stepped back since check-in must not yield a negative session.
      // TODO: flag sessions touched by clock steps and measure durations on a monotonic clock.
      const endedAt = Math.max(at, session.startedAt);
      this.repository.closeSession(session.id, endedAt);
      this.onChange({ type: 'check_out', session: { ...session, endedAt }, at: endedAt });
    });
    return this.status();
  }

  status(): AttendanceStatus {
    const policy = this.policy();
    const zone = policy.zone;
    const now = this.now();
    const today = dateKey(now, zone);
    const dayStart = startOfDay(today, zone);
    const dayEnd = startOfDay(addDays(today, 1), zone);
    const weekStart = startOfDay(weekStartKey(today), zone);
    const weekEnd = startOfDay(addDays(weekStartKey(today), 7), zone);

    const sessions = this.repository.sessionsBetween(weekStart, weekEnd);
    const open = sessions.find((session) => session.endedAt === null) ?? this.repository.openSession();

    let todayMs = 0;
    let weekMs = 0;
    for (const session of sessions) {
      const end = session.endedAt ?? Math.max(now, session.startedAt);
      todayMs += overlap(session.startedAt, end, dayStart, dayEnd);
      weekMs += overlap(session.startedAt, end, weekStart, weekEnd);
    }

    const day = this.calendar().day(today);
    return {
      checkedIn: open !== null,
      session: open ? { id: open.id, mode: open.mode, startedAt: open.startedAt } : null,
      zone,
      today,
      todayMinutes: Math.floor(todayMs / MINUTE),
      weekMinutes: Math.floor(weekMs / MINUTE),
      weeklyCapMinutes: policy.worktime.weeklyCapMinutes,
      window: day.working ? { start: day.schedule.start, end: day.schedule.end } : null,
      dayOff: day.working ? null : day.reason,
    };
  }
}
