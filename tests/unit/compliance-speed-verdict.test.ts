import { describe, expect, it } from 'vitest';
import type { DirectionRate } from '../../electron/core/compliance/speed/statistics';
import { comparableMbps, decideSpeed, goodputThresholdMbps, type SpeedPolicy } from '../../electron/core/compliance/speed/verdict';

const linkRatePolicy: SpeedPolicy = { minDownloadMbps: 10, minUploadMbps: 10, thresholdMeaning: 'link-rate', endpoint: null };
const goodputPolicy: SpeedPolicy = { ...linkRatePolicy, thresholdMeaning: 'goodput' };

const steady = (goodputMbps: number): DirectionRate => ({ goodputMbps, statistic: 'median-of-steady-windows', steadyIntervals: 20 });
const shortRun = (goodputMbps: number): DirectionRate => ({ goodputMbps, statistic: 'mean-after-ramp-up-bytes', steadyIntervals: 0 });

describe('speed verdict', () => {
  it('scales goodput to link rate', () => {
    expect(comparableMbps(9.4, 'link-rate')).toBeCloseTo(10, 6);
    expect(comparableMbps(9.4, 'goodput')).toBe(9.4);
    expect(goodputThresholdMbps(10, 'link-rate')).toBeCloseTo(9.4, 6);
  });

  it('passes a 10 Mbps link under link-rate meaning', () => {
    const decision = decideSpeed(steady(9.41), steady(9.41), linkRatePolicy);

    expect(decision.verdict).toBe('pass');
    expect(decision.download.comparableMbps).toBeCloseTo(10.01, 2);
  });

  it('fails a 10 Mbps link under goodput meaning', () => {
    const decision = decideSpeed(steady(9.41), steady(9.41), goodputPolicy);

    expect(decision.verdict).toBe('fail');
    expect(decision.download.below).toBe(true);
    expect(decision.upload.below).toBe(true);
  });

  it('fails 50 down / 5 up on upload only', () => {
    const decision = decideSpeed(steady(47), steady(4.7), linkRatePolicy);

    expect(decision.verdict).toBe('fail');
    expect(decision.download.below).toBe(false);
    expect(decision.upload.below).toBe(true);
  });

  it('passes a short run above the threshold', () => {
    expect(decideSpeed(shortRun(900), shortRun(900), linkRatePolicy).verdict).toBe('pass');
  });

  it('fails a short run far below the threshold', () => {
    const policy = { ...linkRatePolicy, minDownloadMbps: 1e7 };

    const decision = decideSpeed(shortRun(3_000), shortRun(3_000), policy);

    expect(decision.verdict).toBe('fail');
    expect(decision.download.below).toBe(true);
  });

  it('leaves a short run near the threshold unknown', () => {
    const policy = { ...linkRatePolicy, minDownloadMbps: 1_000 };

    const decision = decideSpeed(shortRun(600), shortRun(600), policy);

    expect(decision.verdict).toBe('unknown');
    expect(decision.download.uncertain).toBe(true);
    expect(decision.download.below).toBe(false);
  });
});
