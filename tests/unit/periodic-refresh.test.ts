// Background refreshes of central data: at most once per interval, and a failing job neither stops
// the others nor escapes to the delivery that triggered it.
import { describe, expect, it } from 'vitest';
import { PeriodicRefresh } from '../../electron/core/central/periodic-refresh';
import { createLogger } from '../../electron/core/logger';

const HOUR = 60 * 60_000;

function refreshWith(failing: boolean) {
  let clock = Date.parse('2026-12-04T08:00:00+07:00');
  const runs: string[] = [];
  const lines: string[] = [];
  const refresh = new PeriodicRefresh({
    jobs: [
      {
        name: 'claim-statuses',
        run: async () => {
          runs.push('claims');
          if (failing) throw new Error('central system unreachable');
        },
      },
      { name: 'training-record', run: async () => runs.push('training') },
    ],
    intervalMs: HOUR,
    now: () => clock,
    logger: createLogger({ write: (line) => lines.push(line) }, 'central-refresh'),
  });
  return { refresh, runs, lines, advance: (ms: number) => (clock += ms) };
}

describe('PeriodicRefresh', () => {
  it('runs every job on the first call', async () => {
    const { refresh, runs } = refreshWith(false);
    await refresh.runIfDue();
    expect(runs).toEqual(['claims', 'training']);
  });

  it('waits for the interval', async () => {
    const { refresh, runs, advance } = refreshWith(false);
    await refresh.runIfDue();

    advance(HOUR - 1);
    await refresh.runIfDue();
    expect(runs).toHaveLength(2);

    advance(1);
    await refresh.runIfDue();
    expect(runs).toHaveLength(4);
  });

  it('runs the next job after a failure', async () => {
    const { refresh, runs, lines } = refreshWith(true);
    await refresh.runIfDue();

    expect(runs).toEqual(['claims', 'training']);
    expect(lines.join('\n')).toContain('central system unreachable');
  });
});
