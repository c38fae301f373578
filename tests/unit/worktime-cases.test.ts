// Sleep, lock, idle and clock cases from the bug reports of other time trackers, with their values.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleProfile } from '../../electron/core/policy/profiles';
import type { Policy } from '../../electron/core/policy/schema';
import { openDatabase } from '../../electron/core/storage/database';
import { createHarness, HOUR, MINUTE, SECOND, wib, type Harness } from './worktime-harness';

let harness: Harness | null = null;

function start(at: number, policy?: Policy, db?: Parameters<typeof createHarness>[2]): Harness {
  harness = createHarness(at, policy, db);
  return harness;
}

afterEach(() => {
  harness?.close();
  harness = null;
});

describe('C1: a short wake without input', () => {
  it('keeps worked time at 0 until confirmed', () => {
    const h = start(wib('2026-12-01', '22:30'));
    h.service.checkIn('wfh');
    h.service.presence.suspend(0);

    // Asleep until 02:09, awake 20 seconds with no input, asleep again until 07:00.
    h.clock.sleep(wib('2026-12-02', '02:09') - wib('2026-12-01', '22:30'));
    h.service.presence.resume();
    h.clock.advance(20 * SECOND);
    h.service.presence.idle((wib('2026-12-02', '02:09') + 20 * SECOND - wib('2026-12-01', '22:30')) / SECOND);
    h.service.tick();
    h.service.presence.suspend();
    h.clock.sleep(wib('2026-12-02', '07:00') - h.clock.wall());
    h.service.presence.resume();
    h.service.tick();

    expect(h.workedMinutes('2026-12-01')).toBe(0);
    expect(h.workedMinutes('2026-12-02')).toBe(0);
    expect(h.service.prompts.due()).toBeNull();

    // The person touches the mouse at 07:00:30: the interval closes there and the prompt is due.
    h.clock.advance(30 * SECOND);
    h.service.presence.idle(0);
    const away = h.service.prompts.due();
    expect(away?.startedAt).toBe(wib('2026-12-01', '22:30'));
    expect(away?.endedAt).toBe(wib('2026-12-02', '07:00') + 30 * SECOND);
    expect(away?.reason).toBe('sleep');
    expect(h.workedMinutes('2026-12-01')).toBe(0);
    expect(h.workedMinutes('2026-12-02')).toBe(0);
    expect(h.notices.filter((notice) => notice.kind === 'return-prompt')).toHaveLength(1);

    h.service.decide(away!.id, 'keep');
    expect(h.workedMinutes('2026-12-01')).toBe(90);
    expect(h.workedMinutes('2026-12-02')).toBe(7 * 60 + 0.5);
  });
});

describe('C2: sleep in the middle of the day', () => {
  it('excludes the 80 minutes unless confirmed', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(3 * HOUR + 50 * MINUTE, () => 0);
    h.service.presence.suspend(0);
    h.clock.sleep(80 * MINUTE);
    h.service.presence.resume();
    h.service.presence.input();
    h.run(wib('2026-12-01', '16:00') - h.clock.wall(), () => 0);

    expect(h.workedMinutes('2026-12-01')).toBe(400);
    const away = h.service.prompts.due()!;
    expect([away.startedAt, away.endedAt]).toEqual([wib('2026-12-01', '11:50'), wib('2026-12-01', '13:10')]);

    h.service.decide(away.id, 'keep');
    expect(h.workedMinutes('2026-12-01')).toBe(480);
  });

  it('leaves a checked-out state checked out across sleep', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(8 * HOUR);
    h.service.checkOut();
    h.service.presence.suspend(0);
    h.clock.sleep(80 * MINUTE);
    h.service.presence.resume();
    h.service.presence.input();
    h.run(HOUR);

    const status = h.service.attendance.status();
    expect(status.checkedIn).toBe(false);
    expect(status.todayMinutes).toBe(480);
    expect(h.service.prompts.due()).toBeNull();
  });
});

describe('C3: suspend, shutdown and a process that died', () => {
  let dir: string | null = null;

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('checks out at the shutdown time', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(9 * HOUR);
    h.service.presence.shutdown();

    const session = h.service.attendance.repository.sessionsBetween(0, Number.MAX_SAFE_INTEGER)[0]!;
    expect(session.endedAt).toBe(wib('2026-12-01', '17:00'));
    expect(session.flags).toContain('closed-at-shutdown');
  });

  it('checks out when the person left if shut down while away', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(4 * HOUR);
    h.service.presence.lock(0);
    h.run(2 * HOUR);
    h.service.presence.shutdown();

    const session = h.service.attendance.repository.sessionsBetween(0, Number.MAX_SAFE_INTEGER)[0]!;
    expect(session.endedAt).toBe(wib('2026-12-01', '12:00'));
    expect(h.workedMinutes('2026-12-01')).toBe(240);
  });

  it('closes at the last heartbeat on the next start', () => {
    dir = mkdtempSync(join(tmpdir(), 'asnc-worktime-'));
    const first = createHarness(wib('2026-12-01', '08:00'), articleProfile, openDatabase(dir));
    first.service.checkIn('wfh');
    first.run(4 * HOUR);
    // The process dies here: no event, no check-out.
    first.service.stop();
    first.db.close();

    const next = start(wib('2026-12-02', '07:00'), articleProfile, openDatabase(dir));
    const session = next.service.attendance.repository.sessionsBetween(0, Number.MAX_SAFE_INTEGER)[0]!;
    expect(session.endedAt).toBe(wib('2026-12-01', '12:00'));
    expect(session.flags).toContain('closed-at-heartbeat');
    expect(next.service.attendance.status().checkedIn).toBe(false);
    expect(next.workedMinutes('2026-12-01')).toBe(240);
  });

  it('closes when sleep began if the process died asleep', () => {
    dir = mkdtempSync(join(tmpdir(), 'asnc-worktime-'));
    const first = createHarness(wib('2026-12-01', '08:00'), articleProfile, openDatabase(dir));
    first.service.checkIn('wfh');
    first.run(9 * HOUR + 15 * MINUTE);
    first.service.presence.suspend(0);
    first.service.stop();
    first.db.close();

    const next = start(wib('2026-12-02', '07:00'), articleProfile, openDatabase(dir));
    const session = next.service.attendance.repository.sessionsBetween(0, Number.MAX_SAFE_INTEGER)[0]!;
    expect(session.endedAt).toBe(wib('2026-12-01', '17:15'));
    expect(session.flags).toContain('closed-at-sleep');
  });

  it('commits the away interval before suspend returns', () => {
    dir = mkdtempSync(join(tmpdir(), 'asnc-worktime-'));
    const h = start(wib('2026-12-01', '08:00'), articleProfile, openDatabase(dir));
    h.service.checkIn('wfh');
    h.run(HOUR);
    h.service.presence.suspend(0);

    const reader = openDatabase(dir);
    const rows = reader.prepare('SELECT started_at, ended_at, reason FROM away_intervals').all();
    reader.close();
    expect(rows).toEqual([{ started_at: wib('2026-12-01', '09:00'), ended_at: null, reason: 'sleep' }]);
  });

  it('queues the check-out with the event time', () => {
    const events: { type: string; at: number }[] = [];
    const h = createHarness(wib('2026-12-01', '08:00'), articleProfile, undefined, (event) => events.push({ type: event.type, at: event.at }));
    harness = h;
    h.service.checkIn('wfh');
    h.run(HOUR);
    h.service.presence.shutdown();
    expect(events).toEqual([
      { type: 'check_in', at: wib('2026-12-01', '08:00') },
      { type: 'check_out', at: wib('2026-12-01', '09:00') },
    ]);
  });
});

describe('C4: locks', () => {
  it('ignores a 3-minute lock', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(2 * HOUR, () => 0);
    h.service.presence.lock(0);
    h.run(3 * MINUTE);
    h.service.presence.unlock();
    h.run(wib('2026-12-01', '16:00') - h.clock.wall(), () => 0);

    expect(h.service.attendance.status().checkedIn).toBe(true);
    expect(h.workedMinutes('2026-12-01')).toBe(480);
    expect(h.service.attendance.repository.awaysOf([h.service.attendance.repository.openSession()!.id])).toEqual([]);
  });

  it('makes one interval of a lock with a nudge', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(2 * HOUR, () => 0);
    h.service.presence.lock(0);
    h.run(20 * MINUTE);
    h.service.presence.input();
    h.service.presence.idle(0);
    h.run(25 * MINUTE, (elapsed) => elapsed / SECOND);
    h.service.presence.unlock();

    const session = h.service.attendance.repository.openSession()!;
    const aways = h.service.attendance.repository.awaysOf([session.id]);
    expect(aways).toHaveLength(1);
    expect([aways[0]!.startedAt, aways[0]!.endedAt]).toEqual([wib('2026-12-01', '10:00'), wib('2026-12-01', '10:45')]);
  });
});

describe('C5: an unreliable idle source', () => {
  it('marks idle unavailable after 4 hours of zeros', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(4 * HOUR, () => 0);

    expect(h.service.presence.idleDetection()).toMatchObject({ available: false, reason: 'always-zero' });
    expect(h.workedMinutes('2026-12-01')).toBe(240);
  });

  it('drops no time when idle rises while typing', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    for (let beat = 1; beat <= 60; beat++) {
      h.clock.advance(30 * SECOND);
      h.service.presence.input();
      h.service.presence.idle(beat * 30);
      h.service.tick();
    }

    expect(h.service.presence.idleDetection()).toMatchObject({ available: false, reason: 'contradicted' });
    expect(h.workedMinutes('2026-12-01')).toBe(30);
    expect(h.service.attendance.repository.awaysOf([h.service.attendance.repository.openSession()!.id])).toEqual([]);
  });

  it('marks a value that never changes unavailable', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(3 * HOUR, () => 42);

    expect(h.service.presence.idleDetection()).toMatchObject({ available: false, reason: 'frozen' });
    expect(h.workedMinutes('2026-12-01')).toBe(180);
  });

  it('withdraws idle time from a stuck high value', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(3 * HOUR, () => 600);

    expect(h.service.presence.idleDetection()).toMatchObject({ available: false, reason: 'frozen' });
    expect(h.service.attendance.repository.openAway()).toBeNull();
    expect(h.workedMinutes('2026-12-01')).toBe(180);
  });

  it('starts idle away time at the last input', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(HOUR, () => 0);
    h.run(20 * MINUTE, (elapsed) => elapsed / SECOND);
    h.service.presence.idle(0);

    const away = h.service.prompts.due()!;
    expect(away.reason).toBe('idle');
    expect([away.startedAt, away.endedAt]).toEqual([wib('2026-12-01', '09:00'), wib('2026-12-01', '09:20')]);
    expect(h.workedMinutes('2026-12-01')).toBe(60);
  });
});

describe('check-out after idle time', () => {
  it('keeps the idle time for a decision', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(HOUR, () => 0);
    h.run(20 * MINUTE, (elapsed) => elapsed / SECOND);
    const status = h.service.checkOut();

    const session = h.service.attendance.repository.sessionsBetween(0, Number.MAX_SAFE_INTEGER)[0]!;
    expect(session.endedAt).toBe(wib('2026-12-01', '09:20'));
    expect(status.todayMinutes).toBe(60);
    const away = h.service.prompts.due()!;
    expect([away.reason, away.startedAt, away.endedAt]).toEqual(['idle', wib('2026-12-01', '09:00'), wib('2026-12-01', '09:20')]);
    h.service.decide(away.id, 'keep');
    expect(h.workedMinutes('2026-12-01')).toBe(80);
  });
});

describe('C6: clock steps', () => {
  it('measures on the monotonic clock when stepped back 60 minutes', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(5 * MINUTE, () => 0);
    h.clock.stepWall(-60 * MINUTE);
    h.run(8 * HOUR - 5 * MINUTE, () => 0);
    const status = h.service.checkOut();

    const session = h.service.attendance.repository.sessionsBetween(0, Number.MAX_SAFE_INTEGER)[0]!;
    expect(session.flags).toContain('clock-step');
    expect(session.endedAt! - session.startedAt).toBe(8 * HOUR);
    expect(status.weekMinutes).toBe(480);
    expect(h.workedMinutes('2026-12-01')).toBe(480);
  });

  it('does not inflate time when stepped forward 2 hours', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(5 * MINUTE, () => 0);
    h.clock.stepWall(2 * HOUR);
    h.run(8 * HOUR - 5 * MINUTE, () => 0);
    const status = h.service.checkOut();

    const session = h.service.attendance.repository.sessionsBetween(0, Number.MAX_SAFE_INTEGER)[0]!;
    expect(session.flags).toContain('clock-step');
    expect(session.endedAt! - session.startedAt).toBe(8 * HOUR);
    expect(status.weekMinutes).toBe(480);
    expect(h.service.prompts.due()).toBeNull();
  });

  it('never starts a session inside the previous one', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(HOUR);
    h.service.checkOut();
    h.clock.stepWall(-2 * HOUR);
    h.service.checkIn('wfh');
    h.run(HOUR);
    h.service.checkOut();

    const sessions = h.service.attendance.repository.sessionsBetween(0, Number.MAX_SAFE_INTEGER);
    expect(sessions[1]!.startedAt).toBeGreaterThanOrEqual(sessions[0]!.endedAt!);
    expect(h.workedMinutes('2026-12-01')).toBe(120);
  });
});

describe('C7: the OS zone changes during the day', () => {
  const originalZone = process.env.TZ;

  afterEach(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  it('keeps the Jakarta day, window and totals', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(3 * HOUR, () => 0);
    process.env.TZ = 'Europe/Amsterdam';
    h.run(2 * HOUR, () => 0);
    const during = h.service.attendance.status();
    process.env.TZ = originalZone ?? 'UTC';
    h.run(3 * HOUR, () => 0);
    const status = h.service.checkOut();

    expect(during.today).toBe('2026-12-01');
    expect(during.window).toEqual({ start: '08:00', end: '16:00' });
    expect(during.todayMinutes).toBe(300);
    expect(status.todayMinutes).toBe(480);
    const day = h.service.attendance.week('2026-12-01').days[1]!;
    expect(day.outsideWindowMs).toBe(0);
    expect(day.flags).toEqual([]);
  });
});

describe('C8: daylight-saving changeovers elsewhere', () => {
  // Europe changes on 2026-03-29 and 2026-10-25, the United States on 2026-03-08 and 2026-11-01.
  // Each date with the Monday that starts its Jakarta week.
  const dates: [string, string][] = [
    ['2026-03-08', '2026-03-02'],
    ['2026-03-09', '2026-03-09'],
    ['2026-03-29', '2026-03-23'],
    ['2026-03-30', '2026-03-30'],
    ['2026-10-25', '2026-10-19'],
    ['2026-10-26', '2026-10-26'],
    ['2026-11-01', '2026-10-26'],
    ['2026-11-02', '2026-11-02'],
  ];

  for (const [date, monday] of dates) {
    it(`counts Jakarta hours around ${date}`, () => {
      const h = start(wib(date, '07:00'));
      h.service.checkIn('wfh');
      h.run(10 * HOUR, () => 0);
      const status = h.service.checkOut();
      const week = h.service.attendance.week(date);
      const day = week.days.find((candidate) => candidate.date === date)!;

      expect(status.todayMinutes).toBe(600);
      expect(day.outsideWindowMs).toBe(day.working ? 2 * HOUR : 10 * HOUR);
      expect(week.weekStart).toBe(monday);
      expect(week.workedMs).toBe(10 * HOUR);
    });
  }
});

describe('C9: week boundaries and the cap', () => {
  it('splits Sunday 23:30 to Monday 00:30', () => {
    const h = start(wib('2026-11-29', '23:30'));
    h.service.checkIn('wfh');
    h.run(HOUR, () => 0);
    h.service.checkOut();

    const before = h.service.attendance.week('2026-11-29');
    const after = h.service.attendance.week('2026-11-30');
    expect(before.weekStart).toBe('2026-11-23');
    expect(before.workedMs).toBe(30 * MINUTE);
    expect(after.weekStart).toBe('2026-11-30');
    expect(after.workedMs).toBe(30 * MINUTE);
    expect(after.days[0]!.workedMs).toBe(30 * MINUTE);
  });

  function workUntilFriday(h: Harness): void {
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) {
      h.clock.sleep(wib(date, '08:00') - h.clock.wall());
      h.service.checkIn('office');
      h.run(8 * HOUR, () => 0);
      h.service.checkOut();
    }
    h.clock.sleep(wib('2026-12-04', '08:00') - h.clock.wall());
    h.service.checkIn('office');
    h.run(7 * HOUR + 30 * MINUTE, () => 0);
    h.service.checkOut();
    h.clock.sleep(wib('2026-12-04', '16:00') - h.clock.wall());
  }

  it('ends the session at 40:00 when the policy says so', () => {
    const policy: Policy = { ...articleProfile, worktime: { ...articleProfile.worktime, cap: { notifyAtMinutes: [36 * 60, 39 * 60], onReach: 'end-session' } } };
    const h = start(wib('2026-11-30', '07:00'), policy);
    workUntilFriday(h);
    expect(h.service.attendance.week().workedMs).toBe(39.5 * HOUR);
    expect(h.notices.map((notice) => ('minutes' in notice ? notice.minutes : null))).toEqual([36 * 60, 39 * 60]);

    h.service.checkIn('wfh');
    h.run(HOUR, () => 0);

    const week = h.service.attendance.week('2026-12-04');
    expect(week.workedMs).toBe(40 * HOUR);
    expect(week.overCapMs).toBe(0);
    expect(h.service.attendance.status().checkedIn).toBe(false);
    const last = h.service.attendance.repository.sessionsBetween(wib('2026-12-04', '16:00'), wib('2026-12-05', '00:00'))[0]!;
    expect(last.endedAt).toBe(wib('2026-12-04', '16:30'));
    expect(last.flags).toContain('cap-reached');
    expect(h.notices.at(-1)).toMatchObject({ kind: 'cap-reached', minutes: 2400, endedSession: true });
    expect(h.service.attendance.week('2026-12-07').workedMs).toBe(0);
  });

  it('warns at the cap and counts on when the policy only warns', () => {
    const h = start(wib('2026-11-30', '07:00'));
    workUntilFriday(h);
    h.service.checkIn('wfh');
    h.run(HOUR, () => 0);
    h.service.checkOut();

    const week = h.service.attendance.week('2026-12-04');
    expect(week.workedMs).toBe(40.5 * HOUR);
    expect(week.overCapMs).toBe(30 * MINUTE);
    expect(h.notices.filter((notice) => notice.kind === 'cap-reached')).toHaveLength(1);
    expect(h.notices.at(-1)).toMatchObject({ kind: 'cap-reached', endedSession: false });
    const last = h.notices.at(-1)!;
    expect(last.kind === 'cap-reached' ? last.text.id : '').toContain('40 jam');

    h.clock.sleep(wib('2026-12-07', '08:00') - h.clock.wall());
    h.service.checkIn('wfh');
    h.run(HOUR, () => 0);
    expect(h.service.attendance.status().weekMinutes).toBe(60);
  });
});

describe('C10: a wall-clock jump without power events', () => {
  it('closes at the last heartbeat and asks', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(HOUR, () => 0);
    h.clock.sleep(80 * MINUTE);
    h.service.tick();
    expect(h.workedMinutes('2026-12-01')).toBe(60);
    expect(h.service.prompts.due()).toBeNull();

    // The next idle reading shows input 25 seconds after the machine came back.
    h.clock.advance(30 * SECOND);
    h.service.presence.idle(5);
    const away = h.service.prompts.due()!;
    expect(away.reason).toBe('gap');
    expect(away.startedAt).toBe(wib('2026-12-01', '09:00'));
    expect(away.endedAt).toBe(wib('2026-12-01', '10:20') + 25 * SECOND);
    expect(h.workedMs('2026-12-01')).toBe(HOUR + 5 * SECOND);
    expect(h.notices.filter((notice) => notice.kind === 'return-prompt')).toHaveLength(1);
  });

  it('finds the gap when the monotonic clock stops in sleep', () => {
    const h = start(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(HOUR, () => 0);
    h.service.presence.suspend(0);
    h.clock.sleepFrozen(80 * MINUTE);
    // The resume event is missing, so only the heartbeat finds the wall clock ahead while asleep.
    h.clock.advance(30 * SECOND);
    h.service.tick();
    h.clock.advance(10 * SECOND);
    h.service.presence.input();

    const away = h.service.prompts.due()!;
    expect(away.startedAt).toBe(wib('2026-12-01', '09:00'));
    expect(away.endedAt).toBe(wib('2026-12-01', '10:20') + 40 * SECOND);
    expect(h.workedMinutes('2026-12-01')).toBe(60);
  });
});
