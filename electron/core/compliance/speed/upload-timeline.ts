// Upload progress as the endpoint confirms it. The count of bytes that the OS has accepted for sending
// is misleading, because socket buffers take megabytes, enough for seconds of a slow uplink. So each
// upload request counts only once the endpoint has responded, and its bytes are spread evenly over
// the request's lifetime.
import type { ByteSample } from './statistics';

/** One upload request that the endpoint confirmed, in milliseconds since the direction started. */
export interface ConfirmedSpan {
  startMs: number;
  endMs: number;
  bytes: number;
}

/** Returns the bytes confirmed by time `atMs`, counting each span's bytes as arriving at a constant rate. */
export function confirmedBytesAt(spans: readonly ConfirmedSpan[], atMs: number): number {
  let bytes = 0;
  for (const span of spans) {
    if (atMs >= span.endMs) bytes += span.bytes;
    else if (atMs > span.startMs) bytes += (span.bytes * (atMs - span.startMs)) / (span.endMs - span.startMs);
  }
  return bytes;
}

/**
 * Samples the confirmed-bytes timeline every `intervalMs` up to `horizonMs`, and once more at the
 * horizon. The horizon is where the timeline stops being complete: the start of the oldest request
 * that is still running or was cut off.
 */
export function timelineSamples(spans: readonly ConfirmedSpan[], horizonMs: number, intervalMs: number): ByteSample[] {
  const samples: ByteSample[] = [{ atMs: 0, bytes: 0 }];
  for (let atMs = intervalMs; atMs <= horizonMs; atMs += intervalMs) {
    samples.push({ atMs, bytes: confirmedBytesAt(spans, atMs) });
  }
  if (horizonMs > samples[samples.length - 1]!.atMs) samples.push({ atMs: horizonMs, bytes: confirmedBytesAt(spans, horizonMs) });
  return samples;
}

/** Returns the moment the confirmed timeline reaches `bytes`, or null if it does not before the horizon. */
export function timelineCrossing(spans: readonly ConfirmedSpan[], horizonMs: number, bytes: number): ByteSample | null {
  if (confirmedBytesAt(spans, horizonMs) < bytes) return null;

  // The timeline is continuous and never decreases, so bisection finds the crossing to well under 1 ms.
  let low = 0;
  let high = horizonMs;
  for (let step = 0; step < 40; step += 1) {
    const middle = (low + high) / 2;
    if (confirmedBytesAt(spans, middle) >= bytes) high = middle;
    else low = middle;
  }
  return { atMs: high, bytes: confirmedBytesAt(spans, high) };
}
