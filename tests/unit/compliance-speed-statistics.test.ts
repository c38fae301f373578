import { describe, expect, it } from 'vitest';
import { extraStreams } from '../../electron/core/compliance/speed/transfer';
import {
  directionRate,
  earlyStopDecision,
  latencyFigures,
  median,
  megabitsPerSecond,
  steadyIntervals,
  type ByteSample,
  type EarlyStopRules,
  type SamplingRules,
} from '../../electron/core/compliance/speed/statistics';

const sampling: SamplingRules = { rampUpMs: 500, minIntervalMs: 50, minSteadyIntervals: 5 };
const earlyStop: EarlyStopRules = { passFactor: 3, passSteadyMs: 1_000, failDivisor: 3, failSteadyMs: 2_000 };

/** Samples every 100 ms of a transfer that runs at `rampMbps` during the ramp-up and `steadyMbps` after it. */
function samplesAt(steadyMbps: number, untilMs: number, rampMbps = steadyMbps / 4): ByteSample[] {
  const samples: ByteSample[] = [{ atMs: 0, bytes: 0 }];
  let bytes = 0;
  for (let atMs = 100; atMs <= untilMs; atMs += 100) {
    const mbps = atMs <= sampling.rampUpMs ? rampMbps : steadyMbps;
    bytes += (mbps * 1_000_000 * 0.1) / 8;
    samples.push({ atMs, bytes });
  }
  return samples;
}

describe('speed statistics', () => {
  it('converts bytes and milliseconds to Mbps', () => {
    expect(megabitsPerSecond(1_250_000, 1_000)).toBe(10);
    expect(megabitsPerSecond(125_000, 100)).toBe(10);
    expect(megabitsPerSecond(5, 0)).toBe(0);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('discards ramp-up and too-short intervals', () => {
    const samples: ByteSample[] = [
      { atMs: 0, bytes: 0 },
      { atMs: 400, bytes: 100_000 },
      { atMs: 500, bytes: 200_000 },
      { atMs: 600, bytes: 325_000 },
      { atMs: 620, bytes: 350_000 },
    ];

    const intervals = steadyIntervals(samples, sampling);

    expect(intervals).toHaveLength(1);
    expect(intervals[0]!.startMs).toBe(500);
    expect(intervals[0]!.mbps).toBe(10);
  });

  it('ignores one outlier interval in the median', () => {
    const burst = 2_000_000;
    const samples = samplesAt(20, 1_500).map((sample) => (sample.atMs >= 800 ? { ...sample, bytes: sample.bytes + burst } : sample));

    const rate = directionRate(samples, null, sampling);

    expect(rate.statistic).toBe('median-of-steady-windows');
    expect(rate.goodputMbps).toBeCloseTo(20, 6);
  });

  it('uses the mean after the byte-counted ramp-up on a short run', () => {
    const samples: ByteSample[] = [
      { atMs: 0, bytes: 0 },
      { atMs: 40, bytes: 33_554_432 },
    ];
    const cut = { atMs: 20, bytes: 8_388_608 };

    const rate = directionRate(samples, cut, sampling);

    expect(rate.statistic).toBe('mean-after-ramp-up-bytes');
    expect(rate.goodputMbps).toBeCloseTo(megabitsPerSecond(33_554_432 - 8_388_608, 20), 6);
    expect(rate.steadyIntervals).toBe(0);
  });

  it('falls back to the whole-run mean without a cut', () => {
    const samples: ByteSample[] = [
      { atMs: 0, bytes: 0 },
      { atMs: 200, bytes: 250_000 },
    ];

    const rate = directionRate(samples, null, sampling);

    expect(rate.statistic).toBe('mean-including-ramp-up');
    expect(rate.goodputMbps).toBe(10);
  });

  it('stops early once far above the threshold', () => {
    expect(earlyStopDecision(samplesAt(100, 1_400), 9.4, sampling, earlyStop)).toBeNull();
    expect(earlyStopDecision(samplesAt(100, 1_500), 9.4, sampling, earlyStop)).toBe('certain-pass');
  });

  it('stops early once far below the threshold', () => {
    expect(earlyStopDecision(samplesAt(2, 2_400), 9.4, sampling, earlyStop)).toBeNull();
    expect(earlyStopDecision(samplesAt(2, 2_500), 9.4, sampling, earlyStop)).toBe('certain-fail');
  });

  it('keeps measuring near the threshold', () => {
    expect(earlyStopDecision(samplesAt(9.4, 9_000), 9.4, sampling, earlyStop)).toBeNull();
    expect(earlyStopDecision(samplesAt(25, 9_000), 9.4, sampling, earlyStop)).toBeNull();
  });

  it('computes latency median and jitter', () => {
    const figures = latencyFigures([10, 14, 12, 30, 12]);

    expect(figures.latencyMs).toBe(12);
    expect(figures.jitterMs).toBe((4 + 2 + 18 + 18) / 4);
    expect(latencyFigures([7]).jitterMs).toBe(0);
  });
});

describe('adaptive stream count', () => {
  const adaptive = { maxStreams: 8, perStreamMbps: 25 };

  it('adds streams when each carries more than the limit', () => {
    // 4 streams moving 40 MB in 500 ms: 160 Mbps each.
    expect(extraStreams(40_000_000, 500, 4, adaptive)).toBe(4);
  });

  it('keeps the streams on a slow link', () => {
    // 4 streams moving 3 MB in 500 ms: 12 Mbps each.
    expect(extraStreams(3_000_000, 500, 4, adaptive)).toBe(0);
  });

  it('never goes above the maximum', () => {
    expect(extraStreams(40_000_000, 500, 8, adaptive)).toBe(0);
  });
});
