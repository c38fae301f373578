// The UPS verdict as a pure function of a NUT reading and the policy.
import type { CheckOutcome } from '../check-result';
import type { PowerPolicy } from './decision';
import * as messages from './ups-messages';
import type { UpsReading } from './ups-reading';

/**
 * Decides in this order, first match wins:
 * - no reading (refused, timed out, stale data): unknown
 * - forced shutdown (FSD), replace battery (RB), an alarm, or low battery on battery power: fail
 * - runtime below the policy's minimum: fail, even at 100% charge
 * - on battery (OB): warn, because the backup works but is being used up now
 * - charge below the minimum: warn
 * - runtime not reported while the policy sets a minimum: unknown
 * - otherwise: pass
 */
export function decideUps(reading: UpsReading, policy: PowerPolicy): CheckOutcome {
  const policyValues = { minUpsRuntimeSeconds: policy.minUpsRuntimeSeconds, minChargePercent: policy.minChargePercent };
  const evidence = upsEvidence(reading);
  const outcome = (verdict: CheckOutcome['verdict'], summary: CheckOutcome['summary'], remediation: CheckOutcome['remediation']): CheckOutcome => ({
    verdict,
    summary,
    evidence,
    policy: policyValues,
    remediation,
  });

  if (reading.kind === 'unavailable') {
    return outcome('unknown', messages.unavailableSummary(reading.server, reading.reason), messages.unavailableRemediation);
  }

  const ups = reading.ups;
  if (ups.forcedShutdown) return outcome('fail', messages.forcedShutdownSummary(ups), messages.onBatteryRemediation);
  if (ups.replaceBattery) return outcome('fail', messages.replaceBatterySummary(ups), messages.replaceRemediation);
  if (ups.alarm !== null) return outcome('fail', messages.alarmSummary(ups), messages.alarmRemediation);
  if (ups.lowBattery && ups.onBattery) return outcome('fail', messages.lowBatterySummary(ups), messages.onBatteryRemediation);

  if (ups.runtimeSeconds !== null && ups.runtimeSeconds < policy.minUpsRuntimeSeconds) {
    return outcome('fail', messages.shortRuntimeSummary(ups, ups.runtimeSeconds, policy.minUpsRuntimeSeconds), messages.shortRuntimeRemediation);
  }
  if (ups.onBattery) return outcome('warn', messages.onBatterySummary(ups), messages.onBatteryRemediation);
  if (ups.chargePercent !== null && ups.chargePercent < policy.minChargePercent) {
    return outcome('warn', messages.lowChargeSummary(ups, policy.minChargePercent), messages.lowChargeRemediation);
  }
  if (ups.runtimeSeconds === null && policy.minUpsRuntimeSeconds > 0) {
    return outcome('unknown', messages.noRuntimeSummary(ups), messages.shortRuntimeRemediation);
  }
  return outcome('pass', messages.passSummary(ups, ups.runtimeSeconds), []);
}

function upsEvidence(reading: UpsReading): Record<string, unknown> {
  if (reading.kind === 'unavailable') {
    return { source: 'nut', server: reading.server, ups: reading.ups, reading: 'unavailable', reason: reading.reason, detail: reading.detail };
  }
  const ups = reading.ups;
  return {
    source: 'nut',
    server: reading.server,
    ups: ups.name,
    reading: 'ok',
    status: ups.flags.join(' '),
    alarm: ups.alarm,
    chargePercent: ups.chargePercent,
    runtimeSeconds: ups.runtimeSeconds,
    model: ups.model,
  };
}
