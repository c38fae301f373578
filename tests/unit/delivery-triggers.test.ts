import { describe, expect, it } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { DeliveryTriggers } from '../../electron/core/outbox/delivery-triggers';
import type { FlushReason } from '../../electron/core/outbox/sender';
import type { FlushResult } from '../../shared/domain';

const emptyResult: FlushResult = { attempted: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0, stoppedBecause: null };

/** A controlled timer queue: tests advance time by hand and see which flushes were requested. */
function harness(options: { nextAttemptAt?: () => number | null; fail?: boolean } = {}) {
  let now = 0;
  const timers: { at: number; callback: () => void; id: number; unref?: () => unknown }[] = [];
  let nextId = 0;
  const reasons: FlushReason[] = [];

  const triggers = new DeliveryTriggers({
    sender: {
      requestFlush: (reason) => {
        reasons.push(reason);
        return options.fail ? Promise.reject(new Error('database locked')) : Promise.resolve(emptyResult);
      },
      nextAttemptAt: options.nextAttemptAt ?? (() => null),
    },
    now: () => now,
    logger: createLogger(silentSink),
    intervalMs: 60_000,
    newEventDelayMs: 1000,
    random: () => 0.5,
    setTimer: (callback, delayMs) => {
      const timer = { at: now + delayMs, callback, id: nextId++, unref: () => undefined };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      const index = timers.indexOf(handle as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
  });

  async function advance(ms: number): Promise<void> {
    const until = now + ms;
    for (let step = 0; step < 1000; step++) {
      await Promise.resolve();
      await Promise.resolve();
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = next.at;
      next.callback();
    }
    now = until;
    await Promise.resolve();
  }

  return { triggers, reasons, advance, pending: () => timers.length };
}

describe('DeliveryTriggers', () => {
  it('flushes once at start', async () => {
    const { triggers, reasons, advance } = harness();
    triggers.start();
    await advance(0);
    expect(reasons).toEqual(['startup']);
  });

  it('flushes on the jittered interval', async () => {
    const { triggers, reasons, advance } = harness();
    triggers.start();
    await advance(59_999);
    expect(reasons).toEqual(['startup']);
    await advance(1);
    expect(reasons).toEqual(['startup', 'timer']);
  });

  it('groups a burst of new events', async () => {
    const { triggers, reasons, advance } = harness();
    triggers.start();
    await advance(0);
    triggers.eventQueued();
    triggers.eventQueued();
    triggers.eventQueued();
    await advance(1000);
    expect(reasons).toEqual(['startup', 'new_event']);
  });

  it('wakes early for a backed-off item', async () => {
    const { triggers, reasons, advance } = harness({ nextAttemptAt: () => 5000 });
    triggers.start();
    await advance(5000);
    expect(reasons).toEqual(['startup', 'timer']);
  });

  it('waits the interval for an item already due', async () => {
    const { triggers, reasons, advance } = harness({ nextAttemptAt: () => 0 });
    triggers.start();
    await advance(59_999);
    expect(reasons).toEqual(['startup']);
    await advance(1);
    expect(reasons).toEqual(['startup', 'timer']);
  });

  it('flushes on resume and on network return', async () => {
    const { triggers, reasons, advance } = harness();
    triggers.start();
    await advance(0);
    triggers.resumed();
    triggers.online();
    expect(reasons).toEqual(['startup', 'resume', 'online']);
  });

  it('does nothing before start or after stop', async () => {
    const { triggers, reasons, advance, pending } = harness();
    triggers.eventQueued();
    triggers.resumed();
    expect(reasons).toEqual([]);

    triggers.start();
    await advance(0);
    triggers.stop();
    expect(pending()).toBe(0);
    triggers.online();
    await advance(120_000);
    expect(reasons).toEqual(['startup']);
  });

  it('keeps its timer after a failed flush', async () => {
    const { triggers, reasons, advance } = harness({ fail: true });
    triggers.start();
    await advance(60_000);
    expect(reasons).toEqual(['startup', 'timer']);
  });
});
