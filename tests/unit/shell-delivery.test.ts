import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { attachDelivery } from '../../electron/main/delivery';

function fakeDelivery() {
  const calls: string[] = [];
  return {
    calls,
    delivery: {
      start: () => calls.push('start'),
      stop: () => calls.push('stop'),
      resumed: () => calls.push('resumed'),
      online: () => calls.push('online'),
    },
  };
}

describe('attachDelivery', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts delivery and flushes on resume', () => {
    const { calls, delivery } = fakeDelivery();
    const powerMonitor = new EventEmitter();
    const detach = attachDelivery({ delivery, powerMonitor, isOnline: () => true, logger: createLogger(silentSink) });

    powerMonitor.emit('resume');
    expect(calls).toEqual(['start', 'resumed']);

    detach();
    powerMonitor.emit('resume');
    expect(calls).toEqual(['start', 'resumed', 'stop']);
  });

  it('flushes once when the network returns', () => {
    const { calls, delivery } = fakeDelivery();
    let online = false;
    attachDelivery({ delivery, powerMonitor: new EventEmitter(), isOnline: () => online, onlinePollMs: 1000, logger: createLogger(silentSink) });

    vi.advanceTimersByTime(3000);
    expect(calls).toEqual(['start']);

    online = true;
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual(['start', 'online']);

    online = false;
    vi.advanceTimersByTime(1000);
    online = true;
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['start', 'online', 'online']);
  });
});
