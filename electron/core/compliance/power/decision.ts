// The backup-power verdict as a pure function of the battery facts.
import type { LocalizedText } from '../../../../shared/domain';
import type { Policy } from '../../policy/schema';
import type { CheckOutcome } from '../check-result';
import { roundTo } from '../format';
import { batteryHealthPercent, type BatteryFacts } from './battery-facts';
import * as messages from './messages';

export type PowerPolicy = Policy['power'];

/** Returns the policy values the battery verdict is held against. */
export function powerPolicyValues(policy: PowerPolicy): Record<string, unknown> {
  return { minBatteryHealthPercent: policy.minBatteryHealthPercent, minChargePercent: policy.minChargePercent };
}

/**
 * Decides in this order, first match wins:
 * - no battery: fail
 * - health below the minimum: fail
 * - charge below the minimum while off mains power: warn
 * - health that cannot be computed: unknown
 * - otherwise: pass
 * A warning outranks an unknown health because it calls for action now.
 */
export function decidePower(facts: BatteryFacts, policy: PowerPolicy): CheckOutcome {
  const policyValues = powerPolicyValues(policy);
  const health = batteryHealthPercent(facts);
  const evidence = powerEvidence(facts, health);

  // A desktop on a UPS also arrives here without a battery; power-check.ts lets the UPS outcome win then.
  if (!facts.hasBattery) {
    return { verdict: 'fail', summary: messages.noBatterySummary, evidence, policy: policyValues, remediation: messages.noBatteryRemediation };
  }

  if (health !== null && health < policy.minBatteryHealthPercent) {
    return {
      verdict: 'fail',
      summary: messages.poorHealthSummary(health, policy.minBatteryHealthPercent),
      evidence,
      policy: policyValues,
      remediation: messages.poorHealthRemediation,
    };
  }

  const healthRemediation: LocalizedText[] = health === null ? messages.unknownHealthRemediation : [];
  if (facts.chargePercent < policy.minChargePercent && !facts.acConnected) {
    return {
      verdict: 'warn',
      summary: messages.lowChargeSummary(facts.chargePercent, policy.minChargePercent),
      evidence,
      policy: policyValues,
      remediation: [...messages.lowChargeRemediation, ...healthRemediation],
    };
  }

  if (health === null) {
    return { verdict: 'unknown', summary: messages.unknownHealthSummary(facts), evidence, policy: policyValues, remediation: healthRemediation };
  }

  return { verdict: 'pass', summary: messages.passSummary(health, facts), evidence, policy: policyValues, remediation: [] };
}

function powerEvidence(facts: BatteryFacts, health: number | null): Record<string, unknown> {
  return {
    hasBattery: facts.hasBattery,
    batteryCount: facts.batteryCount,
    healthPercent: health === null ? null : roundTo(health, 1),
    // systeminformation reports 0 % when there is no battery at all, which is no reading.
    chargePercent: facts.hasBattery ? roundTo(facts.chargePercent, 1) : null,
    acConnected: facts.acConnected,
    isCharging: facts.isCharging,
    cycleCount: facts.cycleCount,
    designedCapacity: facts.designedCapacity,
    maxCapacity: facts.maxCapacity,
    capacityUnit: facts.capacityUnit,
    source: 'systeminformation battery()',
  };
}
