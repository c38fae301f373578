// The shell wiring of the compliance schedule with an injected powerMonitor and online probe.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { attachComplianceTriggers } from '../../electron/main/compliance-triggers';

function fakeSchedule() {
  const calls: string[] = [];
  return {
    calls,
    startSchedule: () => calls.push('start'),
    schedule: {
      resumed: () => calls.push('resumed'),
      networkChanged: () => calls.push('network-change'),
      stop: () => calls.push('stop'),
    },
  };
}

describe('attachComplianceTriggers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts the schedule and passes on resume', () => {
    const { calls, startSchedule, schedule } = fakeSchedule();
    const powerMonitor = new EventEmitter();
    const detach = attachComplianceTriggers({ startSchedule, schedule, powerMonitor, isOnline: () => true, logger: createLogger(silentSink) });

    powerMonitor.emit('resume');
    expect(calls).toEqual(['start', 'resumed']);

    detach();
    powerMonitor.emit('resume');
    expect(calls).toEqual(['start', 'resumed', 'stop']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports the network coming back once', () => {
    const { calls, startSchedule, schedule } = fakeSchedule();
    let online = false;
    attachComplianceTriggers({ startSchedule, schedule, powerMonitor: new EventEmitter(), isOnline: () => online, onlinePollMs: 1000, logger: createLogger(silentSink) });

    vi.advanceTimersByTime(3000);
    expect(calls).toEqual(['start']);

    online = true;
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual(['start', 'network-change']);
  });
});
