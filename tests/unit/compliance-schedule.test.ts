// The compliance schedule under a controlled clock: run times, jitter bounds, single flight, the
// network watcher and stopping without timers left behind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { ComplianceSchedule, type ScheduleTrigger } from '../../electron/core/compliance/schedule';
import { networkSignature } from '../../electron/core/compliance/network-signature';
import { articleProfile, perpresProfile } from '../../electron/core/policy/profiles';
import { complianceScheduleDefaults, policySchema, type ComplianceSchedulePolicy } from '../../electron/core/policy/schema';
import { seededRandom } from '../harness/seeded-random';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const START = Date.UTC(2026, 11, 1, 1, 0); // 08:00 WIB

const policy: ComplianceSchedulePolicy = {
  everyHours: 4,
  jitterSeconds: 300,
  networkPollSeconds: 10,
  checkTimeoutSeconds: { speed: 60, vpn: 30, power: 20 },
};

interface Run {
  trigger: ScheduleTrigger;
  startedAt: number;
}

function createSchedule(options: { random?: () => number; runMs?: number; signature?: () => string } = {}) {
  const runs: Run[] = [];
  const signals: AbortSignal[] = [];
  const concurrency = { active: 0, max: 0 };
  const schedule = new ComplianceSchedule({
    policy: () => policy,
    random: options.random ?? (() => 0.5),
    networkSignature: options.signature ?? (() => 'eth0 IPv4 192.0.2.10/255.255.255.0'),
    logger: createLogger(silentSink),
    run: async (trigger, signal) => {
      runs.push({ trigger, startedAt: Date.now() });
      signals.push(signal);
      concurrency.active += 1;
      concurrency.max = Math.max(concurrency.max, concurrency.active);
      await new Promise((resolve) => setTimeout(resolve, options.runMs ?? 0));
      concurrency.active -= 1;
    },
  });
  return { schedule, runs, signals, concurrency };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('compliance schedule', () => {
  it('runs at check-in and every 4 hours', async () => {
    const { schedule, runs } = createSchedule({ runMs: 2 * SECOND });

    schedule.start();
    await vi.advanceTimersByTimeAsync(9 * HOUR);

    // Half of the 300 s jitter before each run; the interval counts from the end of the last run.
    const first = START + 150 * SECOND;
    const second = first + 2 * SECOND + 4 * HOUR + 150 * SECOND;
    const third = second + 2 * SECOND + 4 * HOUR + 150 * SECOND;
    expect(runs).toEqual([
      { trigger: 'check-in', startedAt: first },
      { trigger: 'interval', startedAt: second },
      { trigger: 'interval', startedAt: third },
    ]);
    schedule.stop();
  });

  it('keeps each delay within the jitter', async () => {
    const random = seededRandom(7);
    const { schedule, runs } = createSchedule({ random });
    const delays: number[] = [];

    for (let round = 0; round < 50; round += 1) {
      const requested = Date.now();
      if (round === 0) schedule.start();
      else schedule.resumed();
      await vi.advanceTimersByTimeAsync(policy.jitterSeconds * SECOND + 1);
      delays.push(runs.at(-1)!.startedAt - requested);
    }

    expect(runs).toHaveLength(50);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(policy.jitterSeconds * SECOND);
    expect(new Set(delays).size).toBeGreaterThan(40);
    schedule.stop();
  });

  it('joins triggers while a run waits', async () => {
    const { schedule, runs } = createSchedule();

    schedule.start();
    schedule.resumed();
    schedule.networkChanged();
    await vi.advanceTimersByTimeAsync(10 * 60 * SECOND);

    expect(runs.map((run) => run.trigger)).toEqual(['check-in']);
    schedule.stop();
  });

  it('runs one follow-up after triggers during a run', async () => {
    const { schedule, runs, concurrency } = createSchedule({ runMs: 30 * SECOND });
    schedule.start();
    await vi.advanceTimersByTimeAsync(150 * SECOND);
    expect(runs).toHaveLength(1);

    schedule.networkChanged();
    schedule.resumed();
    schedule.networkChanged();
    await vi.advanceTimersByTimeAsync(10 * 60 * SECOND);

    expect(runs.map((run) => run.trigger)).toEqual(['check-in', 'network-change']);
    // The follow-up starts after the first run ended (150 s + 30 s) and its own jitter (150 s).
    expect(runs[1]!.startedAt).toBe(START + 150 * SECOND + 30 * SECOND + 150 * SECOND);
    expect(concurrency.max).toBe(1);
    schedule.stop();
  });

  it('runs when the interfaces change', async () => {
    let signature = 'eth0 IPv4 192.0.2.10/255.255.255.0';
    const { schedule, runs } = createSchedule({ signature: () => signature });
    schedule.start();
    await vi.advanceTimersByTimeAsync(10 * 60 * SECOND);
    expect(runs).toHaveLength(1);

    signature = `${signature}\ntun0 IPv4 10.8.0.2/255.255.255.255`;
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    await vi.advanceTimersByTimeAsync(150 * SECOND);

    expect(runs.map((run) => run.trigger)).toEqual(['check-in', 'network-change']);
    schedule.stop();
  });

  it('stops at check-out with no timer left', async () => {
    const { schedule, runs, signals } = createSchedule({ runMs: 60 * SECOND });
    schedule.start();
    await vi.advanceTimersByTimeAsync(160 * SECOND);
    expect(runs).toHaveLength(1);

    schedule.resumed();
    schedule.stop();

    expect(signals[0]!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(runs).toHaveLength(1);
  });

  it('ignores triggers while stopped', async () => {
    const { schedule, runs } = createSchedule();

    schedule.resumed();
    schedule.networkChanged();
    await vi.advanceTimersByTimeAsync(HOUR);

    expect(runs).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('network signature', () => {
  it('ignores loopback and key order', () => {
    const eth = { address: '192.0.2.10', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:01', internal: false, cidr: '192.0.2.10/24' } as const;
    const lo = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' } as const;
    const tun = { ...eth, address: '10.8.0.2', netmask: '255.255.255.255', cidr: '10.8.0.2/32' };

    expect(networkSignature({ lo: [lo], eth0: [eth] })).toBe('eth0 IPv4 192.0.2.10/255.255.255.0');
    expect(networkSignature({ tun0: [tun], eth0: [eth] })).toBe(networkSignature({ eth0: [eth], tun0: [tun] }));
    expect(networkSignature({ eth0: [eth], tun0: [tun] })).not.toBe(networkSignature({ eth0: [eth] }));
  });
});

describe('schedule policy fields', () => {
  it('fills in defaults for older profiles', () => {
    const { complianceSchedule: _omitted, ...older } = articleProfile;

    const parsed = policySchema.parse(older);

    expect(parsed.complianceSchedule).toEqual(complianceScheduleDefaults);
    expect(articleProfile.complianceSchedule.everyHours).toBe(4);
    expect(perpresProfile.complianceSchedule).toEqual(complianceScheduleDefaults);
  });

  it('rejects an interval of zero', () => {
    const result = policySchema.safeParse({ ...articleProfile, complianceSchedule: { ...complianceScheduleDefaults, everyHours: 0 } });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['complianceSchedule', 'everyHours']);
  });
});
