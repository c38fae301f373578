// One direction of the speed test: several parallel streams move data while progress is sampled at a
// fixed interval. The transfer stops at the first of these: a certain verdict, the byte budget, the
// time cap, an outside abort, or a failed request.
import { randomBytes } from 'node:crypto';
import type { SpeedEndpoint, TransferRequest } from './endpoint';
import { earlyStopDecision, type ByteSample, type EarlyStopRules, type SamplingRules } from './statistics';
import { timelineCrossing, timelineSamples, type ConfirmedSpan } from './upload-timeline';

export type Direction = 'download' | 'upload';

export type StopReason = 'certain-pass' | 'certain-fail' | 'byte-budget' | 'time-cap' | 'aborted' | 'failed';

export interface TransferLimits {
  /** Streams at the start of each direction. */
  streams: number;
  /**
   * Streams are added up to maxStreams once the ramp-up is over if each stream already carries more
   * than perStreamMbps: one TCP stream rarely fills a fast link, while on a slow link more streams
   * only compete with each other and with the user's other traffic.
   */
  adaptive: { maxStreams: number; perStreamMbps: number };
  sampleIntervalMs: number;
  /** Hard cap on one direction's duration. */
  maxDurationMs: number;
  /** Hard cap on one direction's payload bytes on the wire; fast links reach it long before the time cap. */
  maxBytes: number;
  /** Share of maxBytes counted as ramp-up when the run is too short for time-based steady intervals. */
  rampUpByteShare: number;
  /** Size of each download request; a stream sends the next one when the previous has finished. */
  downloadRequestBytes: number;
  /** First and largest size of an upload request; sizes double while requests finish quickly. */
  uploadRequestBytes: { initial: number; max: number };
  idleTimeoutMs: number;
  sampling: SamplingRules;
  earlyStop: EarlyStopRules;
}

export interface DirectionMeasurement {
  direction: Direction;
  /** Payload bytes on the wire: received (download) or handed to the OS (upload). */
  bytes: number;
  /** Payload bytes behind the samples: all received bytes, or the uploads the endpoint confirmed. */
  measuredBytes: number;
  durationMs: number;
  samples: ByteSample[];
  /** When the measured bytes passed rampUpByteShare of the budget; null if they never did. */
  rampUpCut: ByteSample | null;
  stopReason: StopReason;
  /** Streams running at the end, after any added by the adaptive rule. */
  streams: number;
}

export interface DirectionOptions {
  /** The goodput the policy requires, used only to decide an early stop. */
  thresholdMbps: number;
  /** Round-trip time measured before, so that upload requests grow long enough to keep the link busy. */
  roundTripMs: number;
  limits: TransferLimits;
  signal: AbortSignal;
}

/** Progress bookkeeping of one direction; see DownloadProgress and UploadProgress. */
interface Progress {
  /** Payload bytes on the wire so far. */
  wireBytes: number;
  /** Returns a function that sends one stream's next request; each stream keeps its own state. */
  openStream(endpoint: SpeedEndpoint, request: TransferRequest, elapsed: () => number): () => Promise<void>;
  tick(atMs: number): void;
  samples(nowMs: number): ByteSample[];
  measuredBytes(nowMs: number): number;
  rampUpCut(nowMs: number): ByteSample | null;
}

/** Download bytes count as they arrive: arrival at the client is the link's own measure. */
class DownloadProgress implements Progress {
  wireBytes = 0;
  private readonly recorded: ByteSample[] = [{ atMs: 0, bytes: 0 }];
  private cut: ByteSample | null = null;

  constructor(
    private readonly limits: TransferLimits,
    private readonly elapsed: () => number,
  ) {}

  openStream(endpoint: SpeedEndpoint, request: TransferRequest): () => Promise<void> {
    return () => endpoint.download(this.limits.downloadRequestBytes, request);
  }

  add(bytes: number): void {
    this.wireBytes += bytes;
    if (this.cut === null && this.wireBytes >= this.limits.maxBytes * this.limits.rampUpByteShare) {
      this.cut = { atMs: this.elapsed(), bytes: this.wireBytes };
    }
  }

  tick(atMs: number): void {
    this.recorded.push({ atMs, bytes: this.wireBytes });
  }

  samples(nowMs: number): ByteSample[] {
    const last = this.recorded[this.recorded.length - 1]!;
    return last.atMs < nowMs ? [...this.recorded, { atMs: nowMs, bytes: this.wireBytes }] : [...this.recorded];
  }

  measuredBytes(): number {
    return this.wireBytes;
  }

  rampUpCut(): ByteSample | null {
    return this.cut;
  }
}

/** The same random block is sent over and over, so compression along the path cannot inflate the rate. */
let uploadBlock: Buffer | null = null;
function uploadPayload(): Buffer {
  uploadBlock ??= randomBytes(64 * 1024);
  return uploadBlock;
}

/** Upload bytes count once the endpoint confirms their request; see upload-timeline.ts. */
class UploadProgress implements Progress {
  wireBytes = 0;
  private readonly spans: ConfirmedSpan[] = [];
  /** Start times of requests that are running or were cut off, by request number; the timeline is complete only before the earliest. */
  private readonly unconfirmedStarts = new Map<number, number>();
  private requestCount = 0;
  private readonly growBelowMs: number;

  constructor(
    private readonly limits: TransferLimits,
    roundTripMs: number,
  ) {
    // Eight round trips per request keep the idle share under an eighth, capped so requests stay near a second.
    this.growBelowMs = Math.min(Math.max(500, 8 * (Number.isFinite(roundTripMs) ? roundTripMs : 0)), 1_000);
  }

  /**
   * Returns one stream's sender. It starts with small requests and doubles the size while a request
   * finishes within growBelowMs, so a request lasts about a second at most. That is long enough for
   * round trips between requests to idle the link little, and short enough to be confirmed well
   * within the idle timeout.
   */
  openStream(endpoint: SpeedEndpoint, request: TransferRequest, elapsed: () => number): () => Promise<void> {
    let requestBytes = this.limits.uploadRequestBytes.initial;

    return async () => {
      const bytes = Math.min(requestBytes, Math.max(this.limits.maxBytes - this.wireBytes, 1));
      const startMs = elapsed();
      const requestNumber = this.requestCount++;
      this.unconfirmedStarts.set(requestNumber, startMs);

      await endpoint.upload(bytes, uploadPayload(), request);

      const endMs = elapsed();
      this.unconfirmedStarts.delete(requestNumber);
      this.spans.push({ startMs, endMs, bytes });
      if (endMs - startMs < this.growBelowMs) requestBytes = Math.min(requestBytes * 2, this.limits.uploadRequestBytes.max);
    };
  }

  add(bytes: number): void {
    this.wireBytes += bytes;
  }

  tick(): void {}

  samples(nowMs: number): ByteSample[] {
    return timelineSamples(this.spans, this.horizon(nowMs), this.limits.sampleIntervalMs);
  }

  measuredBytes(): number {
    return this.spans.reduce((total, span) => total + span.bytes, 0);
  }

  rampUpCut(nowMs: number): ByteSample | null {
    return timelineCrossing(this.spans, this.horizon(nowMs), this.limits.maxBytes * this.limits.rampUpByteShare);
  }

  private horizon(nowMs: number): number {
    return Math.min(nowMs, ...this.unconfirmedStarts.values());
  }
}

/** Measures one direction. Rejects with the first request failure; resolves with stopReason 'aborted' when `signal` fires. */
export async function measureDirection(endpoint: SpeedEndpoint, direction: Direction, options: DirectionOptions): Promise<DirectionMeasurement> {
  const { limits, signal } = options;
  const controller = new AbortController();
  const started = performance.now();
  const elapsed = (): number => performance.now() - started;
  const download = new DownloadProgress(limits, elapsed);
  const upload = new UploadProgress(limits, options.roundTripMs);
  const progress: Progress = direction === 'download' ? download : upload;

  let stopReason: StopReason | null = null;
  let failure: unknown = null;
  let markStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const stop = (reason: StopReason): void => {
    if (stopReason !== null) return;
    stopReason = reason;
    controller.abort();
    markStopped();
  };

  const onBytes = (count: number): void => {
    if (direction === 'download') download.add(count);
    else upload.add(count);
    if (progress.wireBytes >= limits.maxBytes) stop('byte-budget');
  };

  const onOuterAbort = (): void => stop('aborted');
  if (signal.aborted) onOuterAbort();
  signal.addEventListener('abort', onOuterAbort, { once: true });

  const request: TransferRequest = { signal: controller.signal, onBytes, idleTimeoutMs: limits.idleTimeoutMs };
  const streams: Promise<void>[] = [];
  const startStream = (): void => {
    const sendNext = progress.openStream(endpoint, request, elapsed);
    streams.push(
      (async () => {
        try {
          while (!controller.signal.aborted) await sendNext();
        } catch (error) {
          // Requests cut short by our own stop are expected; anything before it is a real failure.
          if (stopReason === null) {
            failure = error;
            stop('failed');
          }
        }
      })(),
    );
  };

  let adapted = false;
  const timeCap = setTimeout(() => stop('time-cap'), limits.maxDurationMs);
  const sampler = setInterval(() => {
    const atMs = elapsed();
    progress.tick(atMs);
    if (!adapted && atMs >= limits.sampling.rampUpMs) {
      adapted = true;
      const extra = extraStreams(progress.wireBytes, atMs, streams.length, limits.adaptive);
      for (let added = 0; added < extra; added += 1) startStream();
    }
    const certain = earlyStopDecision(progress.samples(atMs), options.thresholdMbps, limits.sampling, limits.earlyStop);
    if (certain !== null) stop(certain);
  }, limits.sampleIntervalMs);

  for (let index = 0; index < limits.streams; index += 1) startStream();

  await stopped;
  const durationMs = elapsed();
  clearTimeout(timeCap);
  clearInterval(sampler);
  signal.removeEventListener('abort', onOuterAbort);
  await Promise.all(streams);
  if (failure !== null) throw failure;

  return {
    direction,
    bytes: progress.wireBytes,
    measuredBytes: progress.measuredBytes(durationMs),
    durationMs,
    samples: progress.samples(durationMs),
    rampUpCut: progress.rampUpCut(durationMs),
    stopReason: stopReason ?? 'aborted',
    streams: streams.length,
  };
}

/** Returns how many streams to add after the ramp-up: none unless each stream already carries more than perStreamMbps. */
export function extraStreams(bytes: number, elapsedMs: number, streams: number, adaptive: TransferLimits['adaptive']): number {
  const perStreamMbps = (bytes * 8) / elapsedMs / 1000 / streams;
  return perStreamMbps > adaptive.perStreamMbps ? Math.max(0, adaptive.maxStreams - streams) : 0;
}
