// The speed check: latency and jitter from empty requests, then download, then upload, each bounded
// in time and bytes, judged against the policy's minimums.
import type { CheckResult } from '../../../../shared/domain';
import type { Logger } from '../../logger';
import { monotonicMs, type CheckOutcome } from '../check-result';
import { roundTo } from '../format';
import { SpeedEndpoint } from './endpoint';
import { backgroundTraffic, interfaceTowards, readCounters, type BackgroundTraffic, type InterfaceCounters } from './interface-counters';
import { measureLatency, type LatencyMeasurement } from './latency';
import * as messages from './messages';
import { platformMeteredDetector, type MeteredDetector } from './metered';
import { decideMetered, meteredEvidence, meteredRemediation, meteredSummary } from './metered-gate';
import { directionRate, type DirectionRate } from './statistics';
import { measureDirection, type DirectionMeasurement, type TransferLimits } from './transfer';
import { comparableMbps, decideSpeed, goodputThresholdMbps, GOODPUT_PER_LINK_RATE, speedPolicyValues, type SpeedPolicy } from './verdict';

export interface SpeedTestLimits extends TransferLimits {
  /** Empty requests timed for latency and jitter, after one uncounted warm-up request. */
  latencyRequests: number;
}

/**
 * Defaults sized so that a fast link passes in about two seconds per direction and about 32 MiB (a
 * download overshoots by at most one read), while a link near the threshold gets up to 10 s per direction.
 */
export const defaultSpeedTestLimits: SpeedTestLimits = {
  streams: 4,
  adaptive: { maxStreams: 8, perStreamMbps: 25 },
  sampleIntervalMs: 100,
  maxDurationMs: 10_000,
  maxBytes: 32 * 1024 * 1024,
  rampUpByteShare: 0.25,
  downloadRequestBytes: 8 * 1024 * 1024,
  uploadRequestBytes: { initial: 16 * 1024, max: 4 * 1024 * 1024 },
  idleTimeoutMs: 5_000,
  latencyRequests: 5,
  sampling: { rampUpMs: 500, minIntervalMs: 50, minSteadyIntervals: 5 },
  earlyStop: { passFactor: 3, passSteadyMs: 1_000, failDivisor: 3, failSteadyMs: 2_000 },
};

export interface SpeedCheckOptions {
  speed: SpeedPolicy;
  /** Base URL of the speed endpoint; null when neither the policy nor the user set one. */
  endpoint: string | null;
  skip: boolean;
  now: () => number;
  logger: Logger;
  signal?: AbortSignal;
  limits?: SpeedTestLimits;
  /** The user asked for the test on a metered connection (see metered-gate.ts). */
  allowMetered?: boolean;
  /** Reader of the metered state; the platform's own by default. */
  meteredDetector?: MeteredDetector;
}

export async function runSpeedCheck(options: SpeedCheckOptions): Promise<CheckResult> {
  const startedAt = options.now();
  const started = monotonicMs();
  const policy = speedPolicyValues(options.speed, options.endpoint);
  const finish = (outcome: CheckOutcome): CheckResult => ({
    check: 'speed',
    ...outcome,
    startedAt,
    durationMs: monotonicMs() - started,
  });

  if (options.skip) {
    return finish({ verdict: 'unknown', summary: messages.skippedSummary, evidence: { skipped: true }, policy, remediation: messages.skippedRemediation });
  }
  if (options.endpoint === null) {
    return finish({ verdict: 'unknown', summary: messages.notConfiguredSummary, evidence: { endpoint: null }, policy, remediation: messages.notConfiguredRemediation });
  }

  const limits = options.limits ?? defaultSpeedTestLimits;
  const signal = options.signal ?? new AbortController().signal;
  try {
    // Inside the try: an endpoint URL that does not parse is the check's error, not a crash.
    const detector = options.meteredDetector ?? platformMeteredDetector(process.platform);
    const metered = await decideMetered(options.endpoint, options.speed, options.allowMetered ?? false, detector);
    if (metered.blocked) {
      options.logger.info('Speed test not run on a metered connection', { interface: metered.reading.interface });
      const evidence = { endpoint: options.endpoint, metered: meteredEvidence(metered) };
      return finish({ verdict: 'unknown', summary: meteredSummary(metered.reading, 2 * limits.maxBytes), evidence, policy, remediation: meteredRemediation });
    }

    const measured = await measureBothDirections(options.endpoint, options.speed, limits, signal, options.logger);
    const outcome = judge(measured, options.speed, policy, limits, monotonicMs() - started);
    return finish({ ...outcome, evidence: { ...outcome.evidence, metered: meteredEvidence(metered) } });
  } catch (error) {
    if (signal.aborted) {
      return finish({ verdict: 'unknown', summary: messages.abortedSummary, evidence: { endpoint: options.endpoint, aborted: true }, policy, remediation: messages.retryRemediation });
    }
    const message = error instanceof Error ? error.message : String(error);
    options.logger.warn('Speed test failed', { endpoint: options.endpoint, error: message });
    return finish({
      verdict: 'error',
      summary: messages.endpointErrorSummary(message),
      evidence: { endpoint: options.endpoint, error: message },
      policy,
      remediation: messages.endpointErrorRemediation,
    });
  }
}

interface Measurements {
  endpoint: string;
  latency: LatencyMeasurement;
  download: DirectionMeasurement;
  upload: DirectionMeasurement;
  /** The interface carrying the test, or null when its counters cannot be read (loopback, not Linux). */
  interfaceName: string | null;
  downloadTraffic: BackgroundTraffic | null;
  uploadTraffic: BackgroundTraffic | null;
}

/** Runs one direction while reading the interface counters before and after it. */
async function withCounters(
  device: string | null,
  measure: () => Promise<DirectionMeasurement>,
  pick: (counters: InterfaceCounters) => number,
): Promise<{ measurement: DirectionMeasurement; traffic: BackgroundTraffic | null }> {
  const before = device === null ? null : await readCounters(device);
  const measurement = await measure();
  const after = device === null ? null : await readCounters(device);
  if (before === null || after === null) return { measurement, traffic: null };
  return { measurement, traffic: backgroundTraffic(pick(after) - pick(before), measurement.bytes) };
}

async function measureBothDirections(
  endpointUrl: string,
  speed: SpeedPolicy,
  limits: SpeedTestLimits,
  signal: AbortSignal,
  logger: Logger,
): Promise<Measurements> {
  const endpoint = new SpeedEndpoint(endpointUrl, Math.max(limits.streams, limits.adaptive.maxStreams) + 1);
  try {
    const latency = await measureLatency(endpoint, limits.latencyRequests, limits.idleTimeoutMs, signal);
    const roundTripMs = latency.latencyMs;
    const device = await interfaceTowards(endpoint.base.hostname.replace(/^\[|\]$/g, ''), Number(endpoint.base.port) || 443);
    const counted = device !== null && (await readCounters(device)) !== null ? device : null;

    const { measurement: download, traffic: downloadTraffic } = await withCounters(
      counted,
      () => measureDirection(endpoint, 'download', { thresholdMbps: goodputThresholdMbps(speed.minDownloadMbps, speed.thresholdMeaning), roundTripMs, limits, signal }),
      (counters) => counters.rxBytes,
    );
    logger.info('Download measured', { bytes: download.bytes, durationMs: Math.round(download.durationMs), stopReason: download.stopReason });
    const { measurement: upload, traffic: uploadTraffic } = await withCounters(
      counted,
      () => measureDirection(endpoint, 'upload', { thresholdMbps: goodputThresholdMbps(speed.minUploadMbps, speed.thresholdMeaning), roundTripMs, limits, signal }),
      (counters) => counters.txBytes,
    );
    logger.info('Upload measured', { bytes: upload.bytes, durationMs: Math.round(upload.durationMs), stopReason: upload.stopReason });
    return { endpoint: endpoint.base.href, latency, download, upload, interfaceName: counted, downloadTraffic, uploadTraffic };
  } finally {
    endpoint.close();
  }
}

function judge(
  measured: Measurements,
  speed: SpeedPolicy,
  policy: Record<string, unknown>,
  limits: SpeedTestLimits,
  durationMs: number,
): CheckOutcome {
  const downloadRate = directionRate(measured.download.samples, measured.download.rampUpCut, limits.sampling);
  const uploadRate = directionRate(measured.upload.samples, measured.upload.rampUpCut, limits.sampling);
  const evidence = speedEvidence(measured, downloadRate, uploadRate, speed, limits, durationMs);

  const aborted = measured.download.stopReason === 'aborted' || measured.upload.stopReason === 'aborted';
  if (aborted) {
    return { verdict: 'unknown', summary: messages.abortedSummary, evidence, policy, remediation: messages.retryRemediation };
  }

  const decision = decideSpeed(downloadRate, uploadRate, speed);
  // Other traffic took part of the link, so a low figure says nothing about the link itself.
  const busy = [measured.downloadTraffic, measured.uploadTraffic].some((traffic) => traffic?.heavy === true);
  if (busy && decision.verdict !== 'pass') {
    return { verdict: 'unknown', summary: messages.backgroundTrafficSummary, evidence, policy, remediation: messages.retryRemediation };
  }
  if (decision.verdict === 'fail') {
    return { verdict: 'fail', summary: messages.failSummary(decision), evidence, policy, remediation: messages.failRemediation };
  }
  if (decision.verdict === 'unknown') {
    return { verdict: 'unknown', summary: messages.uncertainSummary, evidence, policy, remediation: messages.retryRemediation };
  }
  return { verdict: 'pass', summary: messages.passSummary(decision), evidence, policy, remediation: [] };
}

function speedEvidence(
  measured: Measurements,
  download: DirectionRate,
  upload: DirectionRate,
  speed: SpeedPolicy,
  limits: SpeedTestLimits,
  durationMs: number,
): Record<string, unknown> {
  const comparison =
    speed.thresholdMeaning === 'link-rate'
      ? `The thresholds are link rates, so the measured TCP goodput divided by ${GOODPUT_PER_LINK_RATE} (a 10 Mbps link carries about 9.4 Mbps of goodput) is compared with them.`
      : 'The thresholds are goodput, so the measured TCP goodput is compared with them directly.';

  return {
    endpoint: measured.endpoint,
    // The adaptive rule may add streams in either direction; the larger count is reported.
    streams: Math.max(measured.download.streams, measured.upload.streams),
    downloadMbps: roundTo(download.goodputMbps, 2),
    uploadMbps: roundTo(upload.goodputMbps, 2),
    downloadLinkRateMbps: roundTo(comparableMbps(download.goodputMbps, 'link-rate'), 2),
    uploadLinkRateMbps: roundTo(comparableMbps(upload.goodputMbps, 'link-rate'), 2),
    comparedFigure: speed.thresholdMeaning === 'link-rate' ? 'downloadLinkRateMbps/uploadLinkRateMbps' : 'downloadMbps/uploadMbps',
    comparison,
    latencyMs: roundTo(measured.latency.latencyMs, 1),
    jitterMs: roundTo(measured.latency.jitterMs, 1),
    bytesUsed: measured.download.bytes + measured.upload.bytes,
    durationMs: Math.round(durationMs),
    download: directionEvidence(measured.download, download),
    upload: directionEvidence(measured.upload, upload),
    backgroundTraffic:
      measured.interfaceName === null
        ? { interface: null, note: 'Interface counters not read (loopback endpoint or not Linux).' }
        : { interface: measured.interfaceName, download: measured.downloadTraffic, upload: measured.uploadTraffic },
  };
}

function directionEvidence(measurement: DirectionMeasurement, rate: DirectionRate): Record<string, unknown> {
  return {
    bytes: measurement.bytes,
    measuredBytes: measurement.measuredBytes,
    durationMs: Math.round(measurement.durationMs),
    statistic: rate.statistic,
    steadyIntervals: rate.steadyIntervals,
    stopReason: measurement.stopReason,
  };
}
