// Property tests: random sequences of check-ins, check-outs, away intervals, sleep, clock steps and
// OS zone changes never produce negative or impossible totals.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { articleProfile } from '../../electron/core/policy/profiles';
import type { Policy } from '../../electron/core/policy/schema';
import type { WorktimeService } from '../../electron/core/worktime/service';
import { summarizeDays } from '../../electron/core/worktime/summary';
import { addDays, dateKey, weekStartKey } from '../../electron/core/worktime/zoned-time';
import { createHarness, HOUR, MINUTE, wib, type Harness } from './worktime-harness';

// A slower heartbeat keeps each run short; the rules do not depend on its length.
const policy: Policy = {
  ...articleProfile,
  worktime: { ...articleProfile.worktime, presence: { ...articleProfile.worktime.presence, heartbeatSeconds: 300 } },
};

type Step =
  | { kind: 'check-in' }
  | { kind: 'check-out' }
  | { kind: 'work'; ms: number; idle: number | null }
  | { kind: 'sleep'; ms: number; events: boolean; frozen: boolean }
  | { kind: 'lock'; ms: number }
  | { kind: 'step'; ms: number }
  | { kind: 'zone'; zone: string }
  | { kind: 'decide'; choice: 'keep' | 'discard' | 'discard-and-check-out' | 'postpone' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'check-in' }),
  fc.constant<Step>({ kind: 'check-out' }),
  fc.record({ kind: fc.constant('work' as const), ms: fc.integer({ min: 1, max: 3 * HOUR }), idle: fc.option(fc.integer({ min: 0, max: 4 * 3600 })) }),
  fc.record({ kind: fc.constant('sleep' as const), ms: fc.integer({ min: 1, max: 14 * HOUR }), events: fc.boolean(), frozen: fc.boolean() }),
  fc.record({ kind: fc.constant('lock' as const), ms: fc.integer({ min: 1, max: 2 * HOUR }) }),
  fc.record({ kind: fc.constant('step' as const), ms: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) }),
  fc.record({ kind: fc.constant('zone' as const), zone: fc.constantFrom('UTC', 'Europe/London', 'America/New_York', 'Europe/Amsterdam', 'Asia/Jakarta') }),
  fc.record({ kind: fc.constant('decide' as const), choice: fc.constantFrom('keep' as const, 'discard' as const, 'discard-and-check-out' as const, 'postpone' as const) }),
);

function apply(h: Harness, step: Step): void {
  const service = h.service;
  const checkedIn = service.attendance.repository.openSession() !== null;
  switch (step.kind) {
    case 'check-in':
      if (!checkedIn) service.checkIn('wfh');
      return;
    case 'check-out':
      if (checkedIn) service.checkOut();
      return;
    case 'work':
      service.presence.input();
      h.run(step.ms, () => step.idle);
      return;
    case 'sleep':
      if (step.events) service.presence.suspend(0);
      if (step.frozen) h.clock.sleepFrozen(step.ms);
      else h.clock.sleep(step.ms);
      if (step.events) service.presence.resume();
      h.run(MINUTE, () => 0);
      return;
    case 'lock':
      service.presence.lock(0);
      h.run(step.ms);
      service.presence.unlock();
      return;
    case 'step':
      h.clock.stepWall(step.ms);
      service.tick();
      return;
    case 'zone':
      process.env.TZ = step.zone;
      return;
    case 'decide': {
      const due = service.prompts.due();
      if (!due) return;
      if (step.choice === 'postpone') service.prompts.postpone(due.id);
      else service.decide(due.id, step.choice);
    }
  }
}

const seen = { sessions: 0, aways: 0, decided: 0 };

function checkInvariants(service: WorktimeService): void {
  const repository = service.attendance.repository;
  const sessions = repository.sessionsBetween(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const aways = repository.awaysOf(sessions.map((session) => session.id));
  const now = service.now();
  seen.sessions += sessions.length;
  seen.aways += aways.length;
  seen.decided += aways.filter((away) => away.decision !== 'pending').length;

  let checkedInMs = 0;
  sessions.forEach((session, index) => {
    const end = session.endedAt ?? now;
    expect(end).toBeGreaterThanOrEqual(session.startedAt);
    checkedInMs += end - session.startedAt;
    const next = sessions[index + 1];
    if (next) expect(next.startedAt).toBeGreaterThanOrEqual(end);

    const own = aways.filter((away) => away.sessionId === session.id);
    own.forEach((away, awayIndex) => {
      const awayEnd = away.endedAt ?? now;
      expect(awayEnd).toBeGreaterThanOrEqual(away.startedAt);
      expect(away.startedAt).toBeGreaterThanOrEqual(session.startedAt);
      expect(awayEnd).toBeLessThanOrEqual(end);
      const following = own[awayIndex + 1];
      if (following) expect(following.startedAt).toBeGreaterThanOrEqual(awayEnd);
    });
  });
  if (sessions.length === 0) return;

  const zone = policy.zone;
  const from = weekStartKey(dateKey(sessions[0]!.startedAt, zone));
  const to = addDays(weekStartKey(dateKey(sessions.at(-1)!.endedAt ?? now, zone)), 7);
  const input = { ...service.attendance.records(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER), now };
  const days = summarizeDays(input, from, to);

  let elapsed = 0;
  for (const day of days) {
    for (const value of [day.elapsedMs, day.workedMs, day.keptMs, day.discardedMs, day.pendingMs, day.outsideWindowMs]) {
      expect(value).toBeGreaterThanOrEqual(0);
    }
    expect(day.elapsedMs).toBeLessThanOrEqual(24 * HOUR);
    expect(day.workedMs).toBeLessThanOrEqual(day.elapsedMs);
    expect(day.outsideWindowMs).toBeLessThanOrEqual(day.workedMs);
    // worked includes kept time; what is not worked was discarded or waits for a decision.
    expect(day.workedMs + day.discardedMs + day.pendingMs).toBe(day.elapsedMs);
    elapsed += day.elapsedMs;
  }
  expect(elapsed).toBe(checkedInMs);

  for (let index = 0; index + 7 <= days.length; index += 7) {
    const monday = days[index]!.date;
    const week = service.attendance.week(monday);
    expect(week.weekStart).toBe(monday);
    expect(week.workedMs).toBe(days.slice(index, index + 7).reduce((sum, day) => sum + day.workedMs, 0));
  }
}

describe('worktime properties', () => {
  const originalZone = process.env.TZ;

  afterEach(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  it('keeps every total consistent', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 30 }), (steps) => {
        const h = createHarness(wib('2026-11-30', '07:00'), policy);
        try {
          for (const step of steps) apply(h, step);
          checkInvariants(h.service);

          // Once every interval is decided, kept + discarded + active time is the time checked in.
          for (let due = h.service.prompts.due(); due; due = h.service.prompts.due()) h.service.decide(due.id, 'keep');
          checkInvariants(h.service);
        } finally {
          h.close();
        }
      }),
      { numRuns: 80, seed: 20261204 },
    );

    // The generated sequences reached the interesting states, so the checks above were exercised.
    expect(seen.sessions).toBeGreaterThan(100);
    expect(seen.aways).toBeGreaterThan(50);
    expect(seen.decided).toBeGreaterThan(20);
  });
});
