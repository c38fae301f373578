// Simulation of a fleet reconnecting after a central outage. Each device retries a failed delivery
// on its own schedule; the simulation counts the requests that reach the central system in each
// second, so the peak rate of the client's backoff with full jitter can be compared with the same
// backoff without jitter. Only the retry schedule is modelled: every request during the outage
// fails, every request after it succeeds and ends that device's backlog.
import { backoffDelay, DEFAULT_BACKOFF } from '../electron/core/outbox/sender';

export interface HerdOptions {
  devices: number;
  outageMs: number;
  /** Each device's regular delivery interval; its first failed attempt falls at a random point in it. */
  syncIntervalMs: number;
  seed: number;
}

export interface HerdPolicyResult {
  name: string;
  /** Highest number of retries in one second while the central system is down (first attempts are not retries). */
  peakDuringOutage: number;
  /** Highest number of requests in one second after it is back. */
  peakAfterOutage: number;
  requests: number;
  /** Seconds after the end of the outage by which half, and 99 %, of the devices have delivered. */
  deliveredP50s: number;
  deliveredP99s: number;
}

export interface HerdResult {
  devices: number;
  outage_min: number;
  backoff: { baseMs: number; capMs: number };
  policies: HerdPolicyResult[];
}

type DelayPolicy = (streak: number, random: () => number) => number;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function simulatePolicy(name: string, policy: DelayPolicy, options: HerdOptions): HerdPolicyResult {
  const random = seeded(options.seed);
  const horizonS = Math.ceil((options.outageMs + 4 * DEFAULT_BACKOFF.capMs + options.syncIntervalMs) / 1000) + 1;
  const perSecond = new Uint32Array(horizonS);
  const deliveredAfterS: number[] = [];
  let requests = 0;

  for (let device = 0; device < options.devices; device++) {
    let at = random() * options.syncIntervalMs;
    let streak = 0;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 || at >= options.outageMs) perSecond[Math.min(horizonS - 1, Math.floor(at / 1000))]! += 1;
      requests += 1;
      if (at >= options.outageMs) break;
      at += policy(streak, random);
      streak += 1;
    }
    deliveredAfterS.push((at - options.outageMs) / 1000);
  }

  const outageEndS = Math.floor(options.outageMs / 1000);
  deliveredAfterS.sort((a, b) => a - b);
  const quantile = (fraction: number) => Math.round(deliveredAfterS[Math.floor(deliveredAfterS.length * fraction)]!);
  return {
    name,
    peakDuringOutage: Math.max(...perSecond.subarray(0, outageEndS)),
    peakAfterOutage: Math.max(...perSecond.subarray(outageEndS)),
    requests,
    deliveredP50s: quantile(0.5),
    deliveredP99s: quantile(0.99),
  };
}

/** Runs the same fleet with full jitter (the client's backoffDelay) and with the same backoff and no jitter. */
export function simulateHerd(options: HerdOptions): HerdResult {
  const fullJitter: DelayPolicy = (streak, random) => backoffDelay(streak, DEFAULT_BACKOFF, random);
  const noJitter: DelayPolicy = (streak) => Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** Math.min(streak, 30));
  return {
    devices: options.devices,
    outage_min: options.outageMs / 60_000,
    backoff: DEFAULT_BACKOFF,
    policies: [simulatePolicy('exponential backoff, full jitter (client)', fullJitter, options), simulatePolicy('exponential backoff, no jitter', noJitter, options)],
  };
}
