// Quitting: the outbox flush is bounded, and the app exits whatever the flush does.
import { describe, expect, it } from 'vitest';
import type { FlushResult } from '../../shared/domain';
import { createLogger } from '../../electron/core/logger';
import { createShutdown } from '../../electron/main/shutdown';

const flushed: FlushResult = { attempted: 3, accepted: 3, duplicates: 0, rejected: 0, failed: 0, stoppedBecause: null };

function harness(flush: () => Promise<FlushResult>, close: () => Promise<void> | void = () => {}) {
  const steps: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }, 'shell');
  const quit = createShutdown({
    flush: () => {
      steps.push('flush');
      return flush();
    },
    close: () => {
      steps.push('close');
      return close();
    },
    exit: (code) => steps.push(`exit ${code}`),
    logger,
    flushTimeoutMs: 50,
  });
  return { quit, steps, lines };
}

describe('createShutdown', () => {
  it('flushes, closes, then exits', async () => {
    const { quit, steps, lines } = harness(() => Promise.resolve(flushed));

    await quit();

    expect(steps).toEqual(['flush', 'close', 'exit 0']);
    expect(lines.find((line) => line.message === 'Outbox flushed before quitting')).toMatchObject({ attempted: 3, accepted: 3 });
  });

  it('exits when the flush never ends', async () => {
    const { quit, steps, lines } = harness(() => new Promise<FlushResult>(() => {}));
    const started = performance.now();

    await quit();

    expect(steps).toEqual(['flush', 'close', 'exit 0']);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(lines.some((line) => line.message === 'Outbox flush before quitting timed out; the items stay queued')).toBe(true);
  });

  it('exits when the flush fails', async () => {
    const { quit, steps, lines } = harness(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9')));

    await quit();

    expect(steps).toEqual(['flush', 'close', 'exit 0']);
    const warning = lines.find((line) => line.level === 'warn');
    expect(warning?.error).toBe('connect ECONNREFUSED 127.0.0.1:9');
  });

  it('exits when closing fails', async () => {
    const { quit, steps, lines } = harness(
      () => Promise.resolve(flushed),
      () => {
        throw new Error('database is locked');
      },
    );

    await quit();

    expect(steps).toEqual(['flush', 'close', 'exit 0']);
    expect(lines.find((line) => line.level === 'error')?.error).toBe('database is locked');
  });

  it('runs once when quit twice', async () => {
    const { quit, steps } = harness(() => Promise.resolve(flushed));

    await Promise.all([quit(), quit()]);
    await quit();

    expect(steps).toEqual(['flush', 'close', 'exit 0']);
  });
});
