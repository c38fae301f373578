import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompanionError } from '../../electron/core/errors';
import { WorkCalendar } from '../../electron/core/policy/calendar';
import { articleProfile, perpresProfile } from '../../electron/core/policy/profiles';
import type { Policy } from '../../electron/core/policy/schema';
import { DATABASE_FILE, openDatabase, type Database } from '../../electron/core/storage/database';
import { AttendanceService, type AttendanceHook } from '../../electron/core/worktime/attendance';
import { zonedInstant } from '../../electron/core/worktime/zoned-time';

const MINUTE = 60_000;

/** An instant given as Jakarta civil time. */
function wib(date: string, time: string): number {
  return zonedInstant(date, time, 'Asia/Jakarta');
}

describe('AttendanceService', () => {
  let dir: string;
  let db: Database;
  let clock: number;
  let policy: Policy;
  let changes: Parameters<AttendanceHook>[0][];

  function service(hook?: AttendanceHook): AttendanceService {
    const calendar = new WorkCalendar(policy);
    return new AttendanceService(db, () => policy, () => calendar, () => clock, hook ?? ((change) => changes.push(change)));
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'asnc-attendance-'));
    db = openDatabase(dir);
    policy = articleProfile;
    changes = [];
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts a working day in Jakarta time', () => {
    const attendance = service();
    clock = wib('2026-12-01', '08:00');
    attendance.checkIn('wfh');
    clock = wib('2026-12-01', '12:30');

    const running = attendance.status();
    expect(running.checkedIn).toBe(true);
    expect(running.todayMinutes).toBe(270);
    expect(running.today).toBe('2026-12-01');

    clock = wib('2026-12-01', '16:00');
    const done = attendance.checkOut();
    expect(done.checkedIn).toBe(false);
    expect(done.todayMinutes).toBe(480);
    expect(done.weekMinutes).toBe(480);
    expect(done.weeklyCapMinutes).toBe(2400);
    expect(done.window).toEqual({ start: '08:00', end: '16:00' });
    expect(done.zone).toBe('Asia/Jakarta');
  });

  it('sums the week from Monday', () => {
    const attendance = service();
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-02']) {
      clock = wib(date, '08:00');
      attendance.checkIn('office');
      clock = wib(date, '15:00');
      attendance.checkOut();
    }
    expect(attendance.status().weekMinutes).toBe(3 * 7 * 60);
    expect(attendance.status().todayMinutes).toBe(7 * 60);
  });

  it('splits a session across the week boundary', () => {
    const attendance = service();
    clock = wib('2026-11-29', '23:30');
    attendance.checkIn('wfh');
    clock = wib('2026-11-30', '00:30');
    const monday = attendance.checkOut();
    expect(monday.today).toBe('2026-11-30');
    expect(monday.todayMinutes).toBe(30);
    expect(monday.weekMinutes).toBe(30);

    clock = wib('2026-11-29', '23:59');
    const sunday = attendance.status();
    expect(sunday.today).toBe('2026-11-29');
    expect(sunday.weekMinutes).toBe(30);
  });

  it('uses the office zone, not the OS zone', () => {
    policy = { ...articleProfile, zone: 'Asia/Makassar' };
    const attendance = service();
    // 08:00 WITA is 07:00 WIB: the Makassar working day has begun.
    clock = zonedInstant('2026-12-01', '00:30', 'Asia/Makassar');
    attendance.checkIn('wfh');
    clock = zonedInstant('2026-12-01', '01:30', 'Asia/Makassar');
    const status = attendance.status();
    expect(status.today).toBe('2026-12-01');
    expect(status.todayMinutes).toBe(60);
    expect(status.zone).toBe('Asia/Makassar');
  });

  it('names the holiday as the day off', () => {
    const attendance = service();
    clock = wib('2026-12-25', '09:00');
    const status = attendance.status();
    expect(status.window).toBeNull();
    expect(status.dayOff?.id).toBe('Hari Raya Natal');
    expect(status.dayOff?.en).toBe('Christmas Day');
  });

  it('shows the Friday window of the regulation profile', () => {
    policy = perpresProfile;
    clock = wib('2026-12-04', '09:00');
    const status = service().status();
    expect(status.window).toEqual({ start: '07:30', end: '16:30' });
    expect(status.weeklyCapMinutes).toBe(2250);
  });

  it('rejects a second check-in in both languages', () => {
    const attendance = service();
    clock = wib('2026-12-01', '08:00');
    attendance.checkIn('wfh');

    let caught: unknown;
    try {
      attendance.checkIn('office');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CompanionError);
    expect((caught as CompanionError).code).toBe('already_checked_in');
    expect((caught as CompanionError).text.id).toContain('sudah check-in');
    expect(changes).toHaveLength(1);
  });

  it('rejects a check-out without a check-in', () => {
    clock = wib('2026-12-01', '08:00');
    expect(() => service().checkOut()).toThrow(CompanionError);
  });

  it('commits before it returns', () => {
    const attendance = service();
    clock = wib('2026-12-01', '08:00');
    attendance.checkIn('wfh');

    const reader = new BetterSqlite3(join(dir, DATABASE_FILE), { readonly: true });
    const rows = reader.prepare('SELECT mode, started_at, ended_at FROM work_sessions').all();
    reader.close();
    expect(rows).toEqual([{ mode: 'wfh', started_at: clock, ended_at: null }]);
  });

  it('rolls back the check-in when its hook fails', () => {
    const attendance = service(() => {
      throw new Error('outbox full');
    });
    clock = wib('2026-12-01', '08:00');
    expect(() => attendance.checkIn('wfh')).toThrow('outbox full');
    expect(attendance.status().checkedIn).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS count FROM work_sessions').get()).toEqual({ count: 0 });
  });

  it('never ends a session before it began', () => {
    const attendance = service();
    clock = wib('2026-12-01', '08:05');
    attendance.checkIn('wfh');
    clock -= 60 * MINUTE;
    const status = attendance.checkOut();
    expect(status.todayMinutes).toBe(0);
    expect(changes[1]?.session.endedAt).toBe(changes[0]?.session.startedAt);
  });
});
