// The powerMonitor adapter with an injected event source, feeding the real worktime model.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import type { WorktimeNotice } from '../../electron/core/worktime/service';
import type { IpcHandlers } from '../../electron/core/ipc/handlers';
import { attachPowerMonitor, withActionsAsInput, type PowerMonitorSource } from '../../electron/main/power-monitor';
import { watchWorktime } from '../../electron/main/worktime-notices';
import { createHarness, HOUR, MINUTE, wib, type Harness } from './worktime-harness';

class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

const logger = createLogger(silentSink);
let harness: Harness | null = null;

afterEach(() => {
  harness?.close();
  harness = null;
  vi.useRealTimers();
});

function attach(h: Harness) {
  const monitor = new FakePowerMonitor();
  const reminders = { suspend: vi.fn(), resume: vi.fn() };
  const detach = attachPowerMonitor({
    powerMonitor: monitor as unknown as PowerMonitorSource,
    presence: h.service.presence,
    reminders,
    idlePollMs: 30_000,
    logger,
  });
  return { monitor, reminders, detach };
}

describe('attachPowerMonitor', () => {
  it('turns a lock into an away interval', () => {
    harness = createHarness(wib('2026-12-01', '08:00'));
    const { monitor, detach } = attach(harness);
    harness.service.checkIn('wfh');
    harness.run(2 * HOUR);

    monitor.idleSeconds = 120;
    monitor.emit('lock-screen');
    harness.run(45 * MINUTE);
    monitor.emit('unlock-screen');

    const away = harness.service.prompts.due()!;
    expect(away.reason).toBe('lock');
    expect([away.startedAt, away.endedAt]).toEqual([wib('2026-12-01', '09:58'), wib('2026-12-01', '10:45')]);
    detach();
  });

  it('passes suspend and resume to the reminders', () => {
    harness = createHarness(wib('2026-12-01', '08:00'));
    const { monitor, reminders, detach } = attach(harness);
    harness.service.checkIn('wfh');
    monitor.emit('suspend');
    harness.clock.sleep(HOUR);
    monitor.emit('resume');
    expect(reminders.suspend).toHaveBeenCalledTimes(1);
    expect(reminders.resume).toHaveBeenCalledTimes(1);
    expect(harness.service.attendance.repository.openAway()?.reason).toBe('sleep');
    detach();
  });

  it('checks out on shutdown', () => {
    harness = createHarness(wib('2026-12-01', '08:00'));
    const { monitor, detach } = attach(harness);
    harness.service.checkIn('wfh');
    harness.run(HOUR);
    monitor.emit('shutdown');
    expect(harness.service.attendance.status().checkedIn).toBe(false);
    detach();
  });

  it('polls the idle time and stops on detach', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    harness = createHarness(wib('2026-12-01', '08:00'));
    const idle = vi.spyOn(harness.service.presence, 'idle');
    const { monitor, detach } = attach(harness);
    monitor.idleSeconds = 7;
    vi.advanceTimersByTime(90_000);
    expect(idle.mock.calls).toEqual([[7], [7], [7]]);

    detach();
    vi.advanceTimersByTime(90_000);
    expect(idle).toHaveBeenCalledTimes(3);
    expect(monitor.listenerCount('lock-screen')).toBe(0);
  });

  it('keeps handling events after one fails', () => {
    harness = createHarness(wib('2026-12-01', '08:00'));
    const { monitor, detach } = attach(harness);
    vi.spyOn(harness.service.presence, 'lock').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    expect(() => monitor.emit('lock-screen')).not.toThrow();
    monitor.emit('lock-screen');
    detach();
  });
});

describe('withActionsAsInput', () => {
  it('counts actions as input but not reads', async () => {
    const calls: string[] = [];
    const handlers = {
      getStatus: () => calls.push('getStatus'),
      listOutbox: () => calls.push('listOutbox'),
      checkIn: ({ mode }: { mode: string }) => calls.push(`checkIn ${mode}`),
      decideAway: () => calls.push('decideAway'),
    } as unknown as IpcHandlers;
    const wrapped = withActionsAsInput(handlers, { input: () => calls.push('input') });

    await wrapped.getStatus({});
    await wrapped.listOutbox({});
    await wrapped.checkIn({ mode: 'wfh' });
    await wrapped.decideAway({ awayId: 'a', choice: 'keep' });
    expect(calls).toEqual(['getStatus', 'listOutbox', 'input', 'checkIn wfh', 'input', 'decideAway']);
  });
});

describe('watchWorktime', () => {
  it('shows notices and reminders in the user language', () => {
    const listeners: { notice?: (notice: WorktimeNotice) => void; reminder?: Parameters<Parameters<typeof watchWorktime>[0]['onReminder']>[0] } = {};
    let language: 'id' | 'en' = 'id';
    const shown: [string, string][] = [];
    const clicks: (() => void)[] = [];
    let windowsShown = 0;
    const stop = watchWorktime(
      {
        onWorktimeNotice: (listener) => ((listeners.notice = listener), () => (listeners.notice = undefined)),
        onReminder: (listener) => ((listeners.reminder = listener), () => (listeners.reminder = undefined)),
        language: () => language,
      },
      (title, body, onClick) => {
        shown.push([title, body]);
        if (onClick) clicks.push(onClick);
        return true;
      },
      () => windowsShown++,
      logger,
    );

    listeners.notice!({ kind: 'cap-threshold', minutes: 2160, text: { id: 'Sudah 36 jam', en: '36 h so far' } });
    language = 'en';
    listeners.reminder!({ kind: 'check-out', at: 0, date: '2026-12-01', text: { id: 'Check-out', en: 'Check out now' } }, false);
    listeners.notice!({ kind: 'return-prompt', away: { id: 'a', sessionId: 's', startedAt: 0, endedAt: 1, reason: 'lock', decision: 'pending', decidedAt: null, promptAfter: null } });

    expect(shown[0]).toEqual(['Pendamping Kerja ASN', 'Sudah 36 jam']);
    expect(shown[1]![1]).toBe('Check out now');
    expect(shown[2]![1]).toContain('Keep that time as work');
    expect(clicks).toHaveLength(1);
    clicks[0]!();
    expect(windowsShown).toBe(1);
    stop();
    expect(listeners.notice).toBeUndefined();
  });

  it('opens the window when notifications are unsupported', () => {
    let notice: ((notice: WorktimeNotice) => void) | undefined;
    let windowsShown = 0;
    watchWorktime(
      { onWorktimeNotice: (listener) => ((notice = listener), () => {}), onReminder: () => () => {}, language: () => 'id' },
      () => false,
      () => windowsShown++,
      logger,
    );

    notice!({ kind: 'cap-threshold', minutes: 2160, text: { id: 'Sudah 36 jam', en: '36 h so far' } });
    expect(windowsShown).toBe(0);
    notice!({ kind: 'return-prompt', away: { id: 'a', sessionId: 's', startedAt: 0, endedAt: 1, reason: 'lock', decision: 'pending', decidedAt: null, promptAfter: null } });
    expect(windowsShown).toBe(1);
  });
});
