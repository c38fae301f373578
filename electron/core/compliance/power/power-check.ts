// The backup-power check on the laptop battery, read through systeminformation.
import si from 'systeminformation';
import type { CheckResult } from '../../../../shared/domain';
import type { Logger } from '../../logger';
import { monotonicMs } from '../check-result';
import { batteryFacts } from './battery-facts';
import { decidePower, type PowerPolicy } from './decision';

export interface PowerCheckOptions {
  power: PowerPolicy;
  now: () => number;
  logger: Logger;
}

export async function runPowerCheck(options: PowerCheckOptions): Promise<CheckResult> {
  const startedAt = options.now();
  const started = monotonicMs();

  const data = await si.battery();
  const facts = batteryFacts(data);
  const outcome = decidePower(facts, options.power);
  options.logger.info('Battery read', { hasBattery: facts.hasBattery, batteryCount: facts.batteryCount, verdict: outcome.verdict });

  return { check: 'power', ...outcome, startedAt, durationMs: monotonicMs() - started };
}
