import type { SpeedEndpoint } from './endpoint';
import { latencyFigures } from './statistics';

export interface LatencyMeasurement {
  latencyMs: number;
  jitterMs: number;
  roundTripsMs: number[];
}

/**
 * Times `count` empty downloads (bytes=0) one after another on a kept-alive connection. One extra
 * request goes first and is not counted, because it also pays for the TCP (and TLS) handshake.
 */
export async function measureLatency(
  endpoint: SpeedEndpoint,
  count: number,
  idleTimeoutMs: number,
  signal: AbortSignal,
): Promise<LatencyMeasurement> {
  const request = { signal, onBytes: () => {}, idleTimeoutMs };
  const roundTripsMs: number[] = [];

  await endpoint.download(0, request);
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await endpoint.download(0, request);
    roundTripsMs.push(performance.now() - started);
  }

  return { ...latencyFigures(roundTripsMs), roundTripsMs };
}
