// The speed verdict from measured goodput, as a pure function of the figures and the policy.
import type { Policy } from '../../policy/schema';
import type { DirectionRate } from './statistics';
import type { Direction } from './transfer';

/**
 * Share of a link's rate left for TCP payload: 1500-byte Ethernet frames carry 1448 bytes of TCP
 * payload (with timestamps) out of 1538 bytes on the wire, so a 10 Mbps link delivers about 9.4 Mbps.
 */
export const GOODPUT_PER_LINK_RATE = 0.94;

export type SpeedPolicy = Policy['speed'];

/**
 * A short run (one that ended on the byte budget before enough steady intervals) may still contain
 * slow start, so it proves a fail only when it is at least this factor below the threshold.
 */
export const SHORT_RUN_FAIL_MARGIN = 3;

/** Returns the policy values the speed figures are held against, with the endpoint actually used. */
export function speedPolicyValues(policy: SpeedPolicy, endpoint: string | null): Record<string, unknown> {
  return { ...policy, endpoint };
}

/** Returns the figure compared with the threshold: the link-rate estimate (goodput / 0.94) or the goodput itself. */
export function comparableMbps(goodputMbps: number, meaning: SpeedPolicy['thresholdMeaning']): number {
  return meaning === 'link-rate' ? goodputMbps / GOODPUT_PER_LINK_RATE : goodputMbps;
}

/** Returns the goodput that a threshold requires, used to decide early stops while measuring. */
export function goodputThresholdMbps(thresholdMbps: number, meaning: SpeedPolicy['thresholdMeaning']): number {
  return meaning === 'link-rate' ? thresholdMbps * GOODPUT_PER_LINK_RATE : thresholdMbps;
}

export interface DirectionJudgement {
  direction: Direction;
  goodputMbps: number;
  comparableMbps: number;
  thresholdMbps: number;
  below: boolean;
  /** A short run below the threshold but within SHORT_RUN_FAIL_MARGIN of it: the verdict is not known. */
  uncertain: boolean;
}

export interface SpeedDecision {
  verdict: 'pass' | 'fail' | 'unknown';
  download: DirectionJudgement;
  upload: DirectionJudgement;
}

export function decideSpeed(download: DirectionRate, upload: DirectionRate, policy: SpeedPolicy): SpeedDecision {
  const judgedDownload = judgeDirection('download', download, policy.minDownloadMbps, policy.thresholdMeaning);
  const judgedUpload = judgeDirection('upload', upload, policy.minUploadMbps, policy.thresholdMeaning);

  let verdict: SpeedDecision['verdict'] = 'pass';
  if (judgedDownload.uncertain || judgedUpload.uncertain) verdict = 'unknown';
  if (judgedDownload.below || judgedUpload.below) verdict = 'fail';
  return { verdict, download: judgedDownload, upload: judgedUpload };
}

function judgeDirection(
  direction: Direction,
  rate: DirectionRate,
  thresholdMbps: number,
  meaning: SpeedPolicy['thresholdMeaning'],
): DirectionJudgement {
  const comparable = comparableMbps(rate.goodputMbps, meaning);
  const underThreshold = comparable < thresholdMbps;
  const shortRun = rate.statistic !== 'median-of-steady-windows';
  const clearlyUnder = comparable <= thresholdMbps / SHORT_RUN_FAIL_MARGIN;

  return {
    direction,
    goodputMbps: rate.goodputMbps,
    comparableMbps: comparable,
    thresholdMbps,
    below: underThreshold && (!shortRun || clearlyUnder),
    uncertain: underThreshold && shortRun && !clearlyUnder,
  };
}
