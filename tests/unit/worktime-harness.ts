// A worktime model on an in-memory database with a controlled wall clock and monotonic clock.
import BetterSqlite3 from 'better-sqlite3';
import { createLogger, silentSink } from '../../electron/core/logger';
import { WorkCalendar } from '../../electron/core/policy/calendar';
import { articleProfile } from '../../electron/core/policy/profiles';
import type { Policy } from '../../electron/core/policy/schema';
import type { Database } from '../../electron/core/storage/database';
import { migrate } from '../../electron/core/storage/migrate';
import { migrations } from '../../electron/core/storage/migrations';
import type { AttendanceHook } from '../../electron/core/worktime/attendance';
import type { Clock } from '../../electron/core/worktime/clock';
import { WorktimeService, type WorktimeNotice } from '../../electron/core/worktime/service';
import { zonedInstant } from '../../electron/core/worktime/zoned-time';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** An instant given as Jakarta civil time. */
export function wib(date: string, time: string): number {
  return zonedInstant(date, time, 'Asia/Jakarta');
}

/**
 * Wall and monotonic clocks under test control. `sleep` moves both, as CLOCK_BOOTTIME does;
 * `sleepFrozen` moves only the wall clock, as a monotonic clock that stops in suspend does;
 * `stepWall` moves only the wall clock, as NTP or a manual change would.
 */
export class ControlledClock implements Clock {
  private wallMs: number;
  private monotonicMs = 1_000_000;

  constructor(start: number) {
    this.wallMs = start;
  }

  wall(): number {
    return this.wallMs;
  }

  monotonic(): number {
    return this.monotonicMs;
  }

  advance(ms: number): void {
    this.wallMs += ms;
    this.monotonicMs += ms;
  }

  sleep(ms: number): void {
    this.wallMs += ms;
    this.monotonicMs += ms;
  }

  sleepFrozen(ms: number): void {
    this.wallMs += ms;
  }

  stepWall(ms: number): void {
    this.wallMs += ms;
  }
}

export function memoryDatabase(): Database {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  return db;
}

export interface Harness {
  db: Database;
  clock: ControlledClock;
  service: WorktimeService;
  notices: WorktimeNotice[];
  policy: Policy;
  /** Advances both clocks in heartbeat steps, feeding the idle reading each step. */
  run(ms: number, idleAt?: (elapsedMs: number) => number | null): void;
  workedMinutes(date: string): number;
  workedMs(date: string): number;
  close(): void;
}

export function createHarness(
  start: number,
  policy: Policy = articleProfile,
  db: Database = memoryDatabase(),
  onChange?: AttendanceHook,
): Harness {
  const clock = new ControlledClock(start);
  const calendar = new WorkCalendar(policy);
  const notices: WorktimeNotice[] = [];
  const service = new WorktimeService({
    db,
    policy: () => policy,
    calendar: () => calendar,
    clock,
    logger: createLogger(silentSink),
    onChange,
    onNotice: (notice) => notices.push(notice),
  });
  service.start({ intervalMs: null });
  const beatMs = policy.worktime.presence.heartbeatSeconds * SECOND;

  return {
    db,
    clock,
    service,
    notices,
    policy,
    run(ms, idleAt) {
      for (let elapsed = 0; elapsed < ms; ) {
        const step = Math.min(beatMs, ms - elapsed);
        clock.advance(step);
        elapsed += step;
        const idle = idleAt?.(elapsed);
        if (idle !== undefined && idle !== null) service.presence.idle(idle);
        service.tick();
      }
    },
    workedMs(date) {
      return service.attendance.week(date).days.find((candidate) => candidate.date === date)!.workedMs;
    },
    workedMinutes(date) {
      const day = service.attendance.week(date).days.find((candidate) => candidate.date === date)!;
      return day.workedMs / MINUTE;
    },
    close() {
      service.stop();
      db.close();
    },
  };
}
