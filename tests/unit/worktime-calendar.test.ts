// Totals against the calendar and profile: holidays, cuti bersama, Ramadan hours, office zones,
// the regulation profile, the working window, the return prompt's audit and the WFH quota.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../electron/core/policy/calendar';
import { articleProfile, perpresProfile } from '../../electron/core/policy/profiles';
import { policySchema, type Policy } from '../../electron/core/policy/schema';
import type { AwayRecord, SessionRecord } from '../../electron/core/worktime/records';
import { summarizeDays, summarizeWeek, summarizeYear } from '../../electron/core/worktime/summary';
import { zonedInstant } from '../../electron/core/worktime/zoned-time';
import { createHarness, HOUR, MINUTE, wib } from './worktime-harness';

function session(id: string, startedAt: number, endedAt: number | null): SessionRecord {
  return { id, mode: 'wfh', startedAt, endedAt, flags: [] };
}

function away(sessionId: string, startedAt: number, endedAt: number | null, decision: AwayRecord['decision']): AwayRecord {
  return { id: `${sessionId}-${startedAt}`, sessionId, startedAt, endedAt, reason: 'lock', decision, decidedAt: null, promptAfter: null };
}

function dayOf(policy: Policy, sessions: SessionRecord[], date: string, aways: AwayRecord[] = []) {
  const input = { sessions, aways, zone: policy.zone, calendar: new WorkCalendar(policy), now: Date.UTC(2027, 0, 1) };
  return summarizeDays(input, date, date.slice(0, 8) + String(Number(date.slice(8)) + 1).padStart(2, '0'))[0]!;
}

describe('calendar days in the totals', () => {
  it('flags all work on Nyepi 2026-03-19 as outside the window', () => {
    const day = dayOf(articleProfile, [session('a', wib('2026-03-19', '09:00'), wib('2026-03-19', '11:00'))], '2026-03-19');
    expect(day.working).toBe(false);
    expect(day.normMs).toBe(0);
    expect(day.workedMs).toBe(2 * HOUR);
    expect(day.outsideWindowMs).toBe(2 * HOUR);
    expect(day.flags).toEqual(['outside-window']);
    expect(new WorkCalendar(articleProfile).day('2026-03-19')).toMatchObject({ working: false, holiday: { kind: 'holiday' } });
  });

  it('treats cuti bersama 2026-03-23 as a day off', () => {
    const calendar = new WorkCalendar(perpresProfile);
    const day = calendar.day('2026-03-23');
    expect(day.working).toBe(false);
    expect(day.working ? null : day.holiday?.kind).toBe('cuti-bersama');
    expect(day.working ? '' : day.reason.id).toContain('Cuti bersama');
    const summary = dayOf(perpresProfile, [], '2026-03-23');
    expect(summary.normMs).toBe(0);
    expect(summary.window).toBeNull();
  });

  it('uses Ramadan hours on 2026-03-05', () => {
    const day = dayOf(perpresProfile, [session('a', wib('2026-03-05', '07:30'), wib('2026-03-05', '16:00'))], '2026-03-05');
    expect(day.window).toEqual({ start: '08:00', end: '15:00' });
    expect(day.normMs).toBe(6.5 * HOUR);
    expect(day.workedMs).toBe(8.5 * HOUR);
    expect(day.outsideWindowMs).toBe(1.5 * HOUR);
  });

  it('uses the Makassar window in WITA', () => {
    const makassar: Policy = { ...articleProfile, zone: 'Asia/Makassar' };
    const start = zonedInstant('2026-12-01', '08:00', 'Asia/Makassar');
    const day = dayOf(makassar, [session('a', start, start + 8 * HOUR)], '2026-12-01');
    expect(start).toBe(wib('2026-12-01', '07:00'));
    expect(day.workedMs).toBe(8 * HOUR);
    expect(day.outsideWindowMs).toBe(0);

    const sameHoursInWib = dayOf(articleProfile, [session('a', start, start + 8 * HOUR)], '2026-12-01');
    expect(sameHoursInWib.outsideWindowMs).toBe(HOUR);
  });

  it('gives the regulation profile 37.5 hours', () => {
    let norm = 0;
    const week = summarizeWeek(
      { sessions: [], aways: [], zone: perpresProfile.zone, calendar: new WorkCalendar(perpresProfile), now: 0 },
      '2026-12-02',
      perpresProfile.worktime.weeklyCapMinutes * MINUTE,
    );
    for (const day of week.days) norm += day.normMs;
    expect(norm).toBe(37.5 * HOUR);
    expect(week.capMs).toBe(37.5 * HOUR);
    expect(week.days[4]).toMatchObject({ date: '2026-12-04', window: { start: '07:30', end: '16:30' }, normMs: 7.5 * HOUR });
  });

  it('ends the regulation week at 37.5 hours when set to end sessions', () => {
    const policy: Policy = { ...perpresProfile, worktime: { ...perpresProfile.worktime, cap: { notifyAtMinutes: [36 * 60], onReach: 'end-session' } } };
    const h = createHarness(wib('2026-11-30', '07:30'), policy);
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
      h.clock.sleep(wib(date, '07:30') - h.clock.wall());
      h.service.checkIn('office');
      h.run(9 * HOUR, () => 0);
      if (h.service.attendance.status().checkedIn) h.service.checkOut();
    }
    const week = h.service.attendance.week('2026-12-04');
    expect(week.workedMs).toBe(37.5 * HOUR);
    expect(week.days[4]!.workedMs).toBe(1.5 * HOUR);
    expect(h.notices.map((notice) => notice.kind)).toEqual(['cap-threshold', 'cap-reached']);
    h.close();
  });

  it('loads a stored profile written before presence settings', () => {
    const old = structuredClone(articleProfile) as unknown as { worktime: Record<string, unknown> };
    delete old.worktime.presence;
    delete old.worktime.cap;
    delete old.worktime.reminders;
    const parsed = policySchema.parse(old);
    expect(parsed.worktime.presence.awayThresholdMinutes).toBe(5);
    expect(parsed.worktime.cap).toEqual({ notifyAtMinutes: [2160, 2340], onReach: 'warn' });
  });
});

describe('summary arithmetic', () => {
  it('splits a session at midnight', () => {
    const input = {
      sessions: [session('a', wib('2026-12-01', '22:00'), wib('2026-12-02', '02:00'))],
      aways: [],
      zone: 'Asia/Jakarta',
      calendar: new WorkCalendar(articleProfile),
      now: 0,
    };
    const days = summarizeDays(input, '2026-12-01', '2026-12-03');
    expect(days.map((day) => day.workedMs)).toEqual([2 * HOUR, 2 * HOUR]);
    expect(days.map((day) => day.outsideWindowMs)).toEqual([2 * HOUR, 2 * HOUR]);
  });

  it('counts kept, discarded and pending apart', () => {
    const day = dayOf(
      articleProfile,
      [session('a', wib('2026-12-01', '08:00'), wib('2026-12-01', '16:00'))],
      '2026-12-01',
      [
        away('a', wib('2026-12-01', '09:00'), wib('2026-12-01', '09:30'), 'keep'),
        away('a', wib('2026-12-01', '10:00'), wib('2026-12-01', '10:45'), 'discard'),
        away('a', wib('2026-12-01', '13:00'), wib('2026-12-01', '14:00'), 'pending'),
      ],
    );
    expect(day.elapsedMs).toBe(8 * HOUR);
    expect(day.keptMs).toBe(30 * MINUTE);
    expect(day.discardedMs).toBe(45 * MINUTE);
    expect(day.pendingMs).toBe(HOUR);
    expect(day.workedMs).toBe(8 * HOUR - 105 * MINUTE);
    expect(day.flags).toEqual(['pending-decision']);
  });

  it('sums a year into weeks from Monday', () => {
    const input = {
      sessions: [session('a', wib('2026-12-31', '08:00'), wib('2026-12-31', '16:00'))],
      aways: [],
      zone: 'Asia/Jakarta',
      calendar: new WorkCalendar(articleProfile),
      now: 0,
    };
    const weeks = summarizeYear(input, 2026, 40 * HOUR);
    expect(weeks[0]!.weekStart).toBe('2025-12-29');
    expect(weeks.at(-1)!.weekStart).toBe('2026-12-28');
    expect(weeks).toHaveLength(53);
    expect(weeks.at(-1)!.workedMs).toBe(8 * HOUR);
  });
});

describe('return prompt', () => {
  function awayFromLock() {
    const h = createHarness(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(2 * HOUR, () => 0);
    h.service.presence.lock(0);
    h.run(45 * MINUTE);
    h.service.presence.unlock();
    return h;
  }

  it('asks again after an unanswered prompt', () => {
    const h = awayFromLock();
    const due = h.service.prompts.due()!;
    h.service.prompts.postpone(due.id);
    expect(h.service.prompts.due()).toBeNull();
    h.run(29 * MINUTE, () => 0);
    expect(h.service.prompts.due()).toBeNull();
    h.run(MINUTE, () => 0);
    expect(h.service.prompts.due()?.id).toBe(due.id);
    expect(h.workedMinutes('2026-12-01')).toBe(150);
    const prompts = h.notices.filter((notice) => notice.kind === 'return-prompt');
    expect(prompts).toHaveLength(2);
    h.run(10 * MINUTE, () => 0);
    expect(h.notices.filter((notice) => notice.kind === 'return-prompt')).toHaveLength(2);
    h.close();
  });

  it('audits every answer', () => {
    const h = awayFromLock();
    const due = h.service.prompts.due()!;
    h.service.prompts.postpone(due.id);
    h.service.decide(due.id, 'keep');
    h.service.decide(due.id, 'discard');

    const trail = h.service.attendance.repository.auditTrail(due.id);
    expect(trail.map((entry) => [entry.action, entry.previous])).toEqual([
      ['postpone', 'pending'],
      ['keep', 'pending'],
      ['discard', 'keep'],
    ]);
    expect(trail[1]!.at).toBe(wib('2026-12-01', '10:45'));
    h.close();
  });

  it('checks out at the start of the interval', () => {
    const h = awayFromLock();
    const due = h.service.prompts.due()!;
    h.service.decide(due.id, 'discard-and-check-out');
    const status = h.service.attendance.status();
    expect(status.checkedIn).toBe(false);
    expect(status.todayMinutes).toBe(120);
    h.close();
  });

  it('rejects an unknown interval in both languages', () => {
    const h = awayFromLock();
    expect(() => h.service.decide('missing', 'keep')).toThrow(/not found/);
    h.close();
  });
});

describe('WFH quota', () => {
  it('counts planned WFH days against the category', () => {
    const h = createHarness(wib('2026-12-01', '08:00'));
    const planner = h.service.planner;
    expect(planner.week('2026-12-01')).toMatchObject({ jobCategory: 'administrative', quotaDays: 3, usedDays: 0, leftDays: 3 });

    planner.setJobCategory('publicService');
    planner.planDay('2026-11-30', 'wfh', null, 1);
    const week = planner.planDay('2026-12-02', 'wfh', null, 2);
    expect(week).toMatchObject({ quotaDays: 1, usedDays: 2, leftDays: 0, exceeded: true });
    h.close();
  });

  it('keeps exception days as office days', () => {
    const h = createHarness(wib('2026-12-01', '08:00'));
    const planner = h.service.planner;
    planner.setJobCategory('supervisionAudit');
    planner.planDay('2026-12-01', 'wfh', null, 1);
    const week = planner.planDay('2026-12-03', 'office', 'inspection', 2);
    expect(week).toMatchObject({ quotaDays: 2, usedDays: 1, leftDays: 1, exceeded: false });
    expect(week.days[3]).toMatchObject({ date: '2026-12-03', place: 'office', exception: 'inspection' });
    expect(() => planner.planDay('2026-12-04', 'wfh', 'meeting', 3)).toThrow(/Plan 2026-12-04 as an office day/);
    h.close();
  });

  it('counts an unplanned day with a WFH session', () => {
    const h = createHarness(wib('2026-12-01', '08:00'));
    h.service.checkIn('wfh');
    h.run(HOUR);
    expect(h.service.planner.week('2026-12-01')).toMatchObject({ usedDays: 1, leftDays: 2 });
    h.service.planner.planDay('2026-12-01', 'office', 'meeting', 2);
    expect(h.service.planner.week('2026-12-01')).toMatchObject({ usedDays: 0, leftDays: 3 });
    h.close();
  });

  it('ignores WFH planned on a holiday', () => {
    const h = createHarness(wib('2026-12-21', '08:00'));
    const week = h.service.planner.planDay('2026-12-25', 'wfh', null, 1);
    expect(week.usedDays).toBe(0);
    h.close();
  });
});
