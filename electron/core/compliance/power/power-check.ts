// The backup-power check: the laptop batteries read through systeminformation, a UPS that the OS
// reports as a battery, and a UPS read from the NUT server the policy names. One working source of
// backup power is enough, so the best source decides; every source is in the evidence.
import si from 'systeminformation';
import type { CheckResult, Verdict } from '../../../../shared/domain';
import type { Logger } from '../../logger';
import { monotonicMs, type CheckOutcome } from '../check-result';
import { batteryFacts } from './battery-facts';
import { decidePower, powerPolicyValues, type PowerPolicy } from './decision';
import { splitOsUps } from './os-ups';
import { decideUps } from './ups-decision';
import { readUps, type UpsReading } from './ups-reading';

export interface PowerCheckOptions {
  power: PowerPolicy;
  now: () => number;
  logger: Logger;
  /** Battery data to use instead of reading this machine, e.g. a desktop in tests. */
  readBattery?: () => Promise<Awaited<ReturnType<typeof si.battery>>>;
}

export async function runPowerCheck(options: PowerCheckOptions): Promise<CheckResult> {
  const startedAt = options.now();
  const started = monotonicMs();

  const [data, nutReading] = await Promise.all([
    (options.readBattery ?? (() => si.battery()))(),
    options.power.nut ? readUps(options.power.nut) : Promise.resolve(null),
  ]);
  const { laptop, ups } = splitOsUps(data);
  const readings: UpsReading[] = nutReading ? [...ups, nutReading] : ups;

  const outcome = combinePowerSources(decidePower(batteryFacts(laptop), options.power), readings, options.power);
  options.logger.info('Backup power read', { hasBattery: laptop.hasBattery, upsReadings: readings.length, verdict: outcome.verdict });

  return { check: 'power', ...outcome, startedAt, durationMs: monotonicMs() - started };
}

/** How good a verdict is for backup power; the best source's outcome is the check's outcome. */
const goodness: Record<Verdict, number> = { pass: 4, warn: 3, unknown: 2, fail: 1, error: 0 };

/**
 * Combines the battery outcome with the UPS outcomes. Without any UPS the battery decides alone.
 * With a UPS and no battery the UPS decides (a desktop). With both, the better one decides: a laptop
 * with a good battery keeps working even if the UPS fails.
 */
export function combinePowerSources(battery: CheckOutcome, readings: readonly UpsReading[], policy: PowerPolicy): CheckOutcome {
  if (readings.length === 0) return battery;

  const upsOutcomes = readings.map((reading) => decideUps(reading, policy));
  const hasBattery = battery.evidence.hasBattery === true;
  const candidates = hasBattery ? [battery, ...upsOutcomes] : upsOutcomes;
  const best = candidates.reduce((chosen, candidate) => (goodness[candidate.verdict] > goodness[chosen.verdict] ? candidate : chosen));

  return {
    verdict: best.verdict,
    summary: best.summary,
    evidence: { ...battery.evidence, ups: upsOutcomes.map((outcome) => ({ ...outcome.evidence, verdict: outcome.verdict })) },
    policy: { ...powerPolicyValues(policy), minUpsRuntimeSeconds: policy.minUpsRuntimeSeconds, nut: policy.nut ?? null },
    remediation: best.remediation,
  };
}
