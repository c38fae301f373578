// Pure arithmetic of the speed test: per-interval rates from byte samples, the ramp-up cut, the
// robust figure of the steady part, and the early-stop rule. Rates are in megabits per second.

/** Total payload bytes moved so far, read at `atMs` milliseconds after the direction started. */
export interface ByteSample {
  atMs: number;
  bytes: number;
}

export interface SamplingRules {
  /** Intervals that start before this many milliseconds are TCP slow start and are discarded. */
  rampUpMs: number;
  /** Intervals shorter than this (the last, cut one) are too noisy to count. */
  minIntervalMs: number;
  /** Fewer steady intervals than this and the median is not trusted; the whole-run mean is used. */
  minSteadyIntervals: number;
}

export interface EarlyStopRules {
  /** Stop as a certain pass once the steady median is at least this multiple of the threshold… */
  passFactor: number;
  /** …over at least this many milliseconds of steady intervals. */
  passSteadyMs: number;
  /** Stop as a certain fail once the steady median is at most the threshold divided by this… */
  failDivisor: number;
  /** …over at least this many milliseconds of steady intervals. */
  failSteadyMs: number;
}

export interface SteadyInterval {
  startMs: number;
  durationMs: number;
  mbps: number;
}

/**
 * Method behind a direction's figure. Normally it is the median of the steady windows (see
 * steadyWindows). A fast link
 * exhausts the byte budget before enough intervals pass, so then the figure is the mean rate after the
 * first share of the budget (the byte-counted ramp-up). Without that cut it is the mean over the whole
 * run. Both means come from short runs that may still contain slow start, so they understate the rate.
 */
export type RateStatistic = 'median-of-steady-windows' | 'mean-after-ramp-up-bytes' | 'mean-including-ramp-up';

export interface DirectionRate {
  goodputMbps: number;
  statistic: RateStatistic;
  steadyIntervals: number;
}

/** Converts bytes moved over milliseconds to megabits per second. */
export function megabitsPerSecond(bytes: number, milliseconds: number): number {
  if (milliseconds <= 0) return 0;
  return (bytes * 8) / milliseconds / 1000;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;

  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Returns the intervals between consecutive samples that start after the ramp-up and are long enough to count. */
export function steadyIntervals(samples: readonly ByteSample[], rules: SamplingRules): SteadyInterval[] {
  const intervals: SteadyInterval[] = [];

  for (let index = 1; index < samples.length; index += 1) {
    const previous = samples[index - 1]!;
    const current = samples[index]!;
    const durationMs = current.atMs - previous.atMs;
    if (previous.atMs < rules.rampUpMs || durationMs < rules.minIntervalMs) continue;

    intervals.push({ startMs: previous.atMs, durationMs, mbps: megabitsPerSecond(current.bytes - previous.bytes, durationMs) });
  }
  return intervals;
}

/**
 * Decides whether the verdict for one direction is already certain, so the transfer can stop early.
 * `thresholdMbps` is the goodput the policy requires. Returns null to keep measuring.
 */
export function earlyStopDecision(
  samples: readonly ByteSample[],
  thresholdMbps: number,
  sampling: SamplingRules,
  rules: EarlyStopRules,
): 'certain-pass' | 'certain-fail' | null {
  const intervals = steadyIntervals(samples, sampling);
  const steadyMs = intervals.reduce((total, interval) => total + interval.durationMs, 0);
  if (intervals.length < sampling.minSteadyIntervals) return null;

  const rate = median(intervals.map((interval) => interval.mbps));
  if (steadyMs >= rules.passSteadyMs && rate >= rules.passFactor * thresholdMbps) return 'certain-pass';
  if (steadyMs >= rules.failSteadyMs && rate <= thresholdMbps / rules.failDivisor) return 'certain-fail';
  return null;
}

/** Windows a steady part is split into for its median: enough to outvote a stall or a burst. */
export const STEADY_WINDOWS = 10;

/**
 * Joins consecutive steady intervals into about STEADY_WINDOWS windows of equal length. TCP delivers
 * in bursts, so single 100 ms intervals on a shaped link alternate between full and thin, and their
 * median sits below the true rate; windows of a second or so average the bursts out while the median
 * over the windows still ignores one stall or one burst.
 */
export function steadyWindows(intervals: readonly SteadyInterval[]): SteadyInterval[] {
  const totalMs = intervals.reduce((total, interval) => total + interval.durationMs, 0);
  const windowMs = totalMs / STEADY_WINDOWS;
  const windows: SteadyInterval[] = [];
  let current: { startMs: number; durationMs: number; bits: number } | null = null;

  for (const interval of intervals) {
    current ??= { startMs: interval.startMs, durationMs: 0, bits: 0 };
    current.durationMs += interval.durationMs;
    current.bits += interval.mbps * interval.durationMs * 1000;
    if (current.durationMs >= windowMs * 0.999) {
      windows.push({ startMs: current.startMs, durationMs: current.durationMs, mbps: current.bits / current.durationMs / 1000 });
      current = null;
    }
  }
  if (current !== null && current.durationMs >= windowMs / 2) {
    windows.push({ startMs: current.startMs, durationMs: current.durationMs, mbps: current.bits / current.durationMs / 1000 });
  }
  return windows;
}

/**
 * Computes the figure of one finished direction. `samples` end with the sample taken at the stop.
 * `rampUpCut` is the sample taken when the byte count passed the ramp-up share of the budget, or null.
 */
export function directionRate(samples: readonly ByteSample[], rampUpCut: ByteSample | null, rules: SamplingRules): DirectionRate {
  const intervals = steadyIntervals(samples, rules);
  const end = samples[samples.length - 1] ?? { atMs: 0, bytes: 0 };

  if (intervals.length >= rules.minSteadyIntervals) {
    return {
      goodputMbps: median(steadyWindows(intervals).map((window) => window.mbps)),
      statistic: 'median-of-steady-windows',
      steadyIntervals: intervals.length,
    };
  }

  if (rampUpCut !== null && end.atMs > rampUpCut.atMs) {
    return {
      goodputMbps: megabitsPerSecond(end.bytes - rampUpCut.bytes, end.atMs - rampUpCut.atMs),
      statistic: 'mean-after-ramp-up-bytes',
      steadyIntervals: intervals.length,
    };
  }

  return {
    goodputMbps: megabitsPerSecond(end.bytes, end.atMs),
    statistic: 'mean-including-ramp-up',
    steadyIntervals: intervals.length,
  };
}

/** Returns the median round-trip time and the jitter (mean absolute difference of consecutive round trips). */
export function latencyFigures(roundTripsMs: readonly number[]): { latencyMs: number; jitterMs: number } {
  if (roundTripsMs.length === 0) return { latencyMs: Number.NaN, jitterMs: Number.NaN };

  let differences = 0;
  for (let index = 1; index < roundTripsMs.length; index += 1) {
    differences += Math.abs(roundTripsMs[index]! - roundTripsMs[index - 1]!);
  }
  const jitterMs = roundTripsMs.length > 1 ? differences / (roundTripsMs.length - 1) : 0;
  return { latencyMs: median(roundTripsMs), jitterMs };
}
