// The worktime model inside the composition root: reminders rebuilt on a policy change, and the
// Jam Kerja calls through the IPC dispatcher.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import schedule from 'node-schedule';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Companion } from '../../electron/core/companion';
import { createHandlers, dispatch } from '../../electron/core/ipc/handlers';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import type { WorkTimeView } from '../../shared/worktime';
import { ControlledClock, HOUR, MINUTE, wib } from './worktime-harness';

let dir: string;
let companion: Companion;
let clock: ControlledClock;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asnc-worktime-companion-'));
  clock = new ControlledClock(wib('2026-12-01', '07:00'));
  companion = await Companion.open({ dataDir: dir, clock, now: () => clock.wall(), secretStore: new MemorySecretStore(), logSink: silentSink });
});

afterEach(async () => {
  companion.close();
  await schedule.gracefulShutdown();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('reminders in the companion', () => {
  it('rebuilds the timers on a policy change', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(clock.wall());
    const fired: [string, number][] = [];
    companion.onReminder((reminder) => fired.push([reminder.kind, Date.now()]));
    companion.startPresence({ heartbeatMs: null });

    companion.policies.useBuiltIn('perpres-21-2023', clock.wall());
    clock.advance(HOUR);
    vi.advanceTimersByTime(HOUR);

    expect(fired).toEqual([['check-in', wib('2026-12-01', '07:30')]]);
  });
});

describe('C3: the check-out at shutdown', () => {
  it('is queued behind its check-in for the next start', async () => {
    companion.startPresence({ heartbeatMs: null, reminders: false });
    companion.checkIn('wfh');
    clock.advance(9 * HOUR);
    companion.worktime.presence.shutdown();
    companion.close();

    companion = await Companion.open({ dataDir: dir, clock, now: () => clock.wall(), secretStore: new MemorySecretStore(), logSink: silentSink });
    const queued = companion.outbox.list({ states: ['queued'] }).filter((event) => event.stream === 'attendance');
    expect(queued.map((event) => [event.type, event.seq, event.occurredAt])).toEqual([
      ['attendance.check_in', 1, wib('2026-12-01', '07:00')],
      ['attendance.check_out', 2, wib('2026-12-01', '16:00')],
    ]);
    expect(companion.status().attendance.checkedIn).toBe(false);
  });
});

describe('Jam Kerja calls', () => {
  it('decides a prompt through the dispatcher', async () => {
    const handlers = createHandlers(companion);
    companion.startPresence({ heartbeatMs: null, reminders: false });
    companion.checkIn('wfh');
    for (let step = 0; step < 120; step++) {
      clock.advance(MINUTE);
      companion.worktime.tick();
    }
    companion.worktime.presence.lock(0);
    clock.advance(30 * MINUTE);
    companion.worktime.presence.unlock();

    const before = await dispatch(handlers, 'getWorkTime', {});
    expect(before.ok).toBe(true);
    const view = (before as { value: WorkTimeView }).value;
    expect(view.prompt).toMatchObject({ reason: 'lock', minutes: 30, decision: 'pending' });
    expect(view.week.pendingMinutes).toBe(30);
    expect(view.week.days[1]).toMatchObject({ date: '2026-12-01', workedMinutes: 120, pendingMinutes: 30 });

    const after = await dispatch(handlers, 'decideAway', { awayId: view.prompt!.id, choice: 'discard' });
    expect(after.ok).toBe(true);
    const decided = (after as { value: WorkTimeView }).value;
    expect(decided.prompt).toBeNull();
    expect(decided.aways[0]).toMatchObject({ decision: 'discard' });
    expect(decided.week.days[1]!.discardedMinutes).toBe(30);
  });

  it('plans days and the job category', async () => {
    const handlers = createHandlers(companion);
    const view = (result: Awaited<ReturnType<typeof dispatch>>) => (result.ok ? (result.value as WorkTimeView) : null);
    const planned = await dispatch(handlers, 'planWfhDay', { date: '2026-12-02', place: 'wfh', exception: null });
    expect(view(planned)?.wfh).toMatchObject({ usedDays: 1, quotaDays: 3 });

    const category = await dispatch(handlers, 'setJobCategory', { category: 'publicService' });
    expect(view(category)?.wfh).toMatchObject({ jobCategory: 'publicService', quotaDays: 1, leftDays: 0 });

    const invalid = await dispatch(handlers, 'planWfhDay', { date: '2026-12-03', place: 'wfh', exception: 'training' });
    expect(!invalid.ok && invalid.error.text?.id).toContain('hari wajib ke kantor');

    const cleared = await dispatch(handlers, 'planWfhDay', { date: '2026-12-02', place: null, exception: null });
    expect(view(cleared)?.wfh.usedDays).toBe(0);
  });

  it('rejects an unknown choice', async () => {
    const result = await dispatch(createHandlers(companion), 'decideAway', { awayId: 'x', choice: 'maybe' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid_input');
    expect(!result.ok && result.error.message).toContain('choice');
  });

  it('names a missing interval in both languages', async () => {
    const result = await dispatch(createHandlers(companion), 'postponeAway', { awayId: 'missing' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.text?.id).toContain('tidak ditemukan');
    expect(!result.ok && result.error.text?.en).toContain('was not found');
  });
});
