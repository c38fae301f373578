// One compliance run: the VPN and power checks in parallel, then the speed test on its own so that
// nothing else competes for the connection, combined into a snapshot. A check that throws or returns
// an invalid result becomes an `error` result; the run itself never rejects because of one check.
import { v7 as uuidv7 } from 'uuid';
import { checkResultSchema, type Attestation, type CheckName, type CheckResult, type ComplianceSnapshot } from '../../../shared/domain';
import type { Logger } from '../logger';
import type { Policy } from '../policy/schema';
import { withAgencyRemediation } from './agency-remediation';
import { brokenCheckResult, monotonicMs, timedOutCheckResult } from './check-result';
import { powerPolicyValues } from './power/decision';
import { runPowerCheck } from './power/power-check';
import { runSpeedCheck, type SpeedTestLimits } from './speed/speed-check';
import { speedPolicyValues } from './speed/verdict';
import { worstVerdict } from './verdict';
import { vpnPolicyValues } from './vpn/decision';
import { runVpnCheck } from './vpn/vpn-check';

export interface RunComplianceOptions {
  policy: Policy;
  /** Base URL of the speed endpoint, already resolved from the command line or the policy. */
  speedEndpoint: string | null;
  skipSpeed: boolean;
  /** Wall clock in UTC milliseconds, for createdAt and each check's startedAt. */
  now: () => number;
  logger: Logger;
  /** Stops the speed test; its result is then `unknown`. */
  signal?: AbortSignal;
  speedLimits?: SpeedTestLimits;
  /** The user's declarations, copied into the snapshot as declared (not measured). */
  attestations?: Attestation[];
  /**
   * Runs this check alone ("Periksa ulang"); the other checks are copied from `previous`, keeping
   * their own startedAt, so the new snapshot still shows the whole workstation.
   */
  only?: { check: CheckName; previous: ComplianceSnapshot | null };
  /** Time limit of each check; by default the policy's checkTimeoutSeconds. */
  checkTimeoutsMs?: Record<CheckName, number>;
  /** The user asked to run the speed test even on a metered connection. */
  allowMetered?: boolean;
}

export async function runCompliance(options: RunComplianceOptions): Promise<ComplianceSnapshot> {
  const { policy, logger, now } = options;
  const createdAt = now();
  logger.info('Compliance run started', { policyId: policy.id, policyVersion: policy.version, skipSpeed: options.skipSpeed });

  // NOTE: only the speed test listens to the timeout signal. A VPN or power check past its limit
  // keeps running until its own I/O ends, and its late result is dropped.
  const runVpn = () =>
    guardCheck('vpn', vpnPolicyValues(policy.vpn), options, () => runVpnCheck({ vpn: policy.vpn, now, logger: logger.child('compliance.vpn') }));
  const runPower = () =>
    guardCheck('power', powerPolicyValues(policy.power), options, () => runPowerCheck({ power: policy.power, now, logger: logger.child('compliance.power') }));
  const runSpeed = () =>
    guardCheck('speed', speedPolicyValues(policy.speed, options.speedEndpoint), options, (timeout) =>
      runSpeedCheck({
        speed: policy.speed,
        endpoint: options.speedEndpoint,
        skip: options.skipSpeed,
        now,
        logger: logger.child('compliance.speed'),
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
        limits: options.speedLimits,
        allowMetered: options.allowMetered,
      }),
    );

  let checks: CheckResult[];
  if (options.only) {
    const runners: Record<CheckName, () => Promise<CheckResult>> = { speed: runSpeed, vpn: runVpn, power: runPower };
    const fresh = withAgencyRemediation(await runners[options.only.check](), policy.agencySupport);
    const kept = (options.only.previous?.checks ?? []).filter((check) => check.check !== fresh.check);
    const order: CheckName[] = ['speed', 'vpn', 'power'];
    checks = [...kept, fresh].sort((a, b) => order.indexOf(a.check) - order.indexOf(b.check));
  } else {
    const [vpn, power] = await Promise.all([runVpn(), runPower()]);
    checks = [await runSpeed(), vpn, power].map((result) => withAgencyRemediation(result, policy.agencySupport));
  }

  const snapshot: ComplianceSnapshot = {
    id: uuidv7({ msecs: createdAt }),
    createdAt,
    policyId: policy.id,
    policyVersion: policy.version,
    overall: worstVerdict(checks.map((check) => check.verdict)),
    checks,
    ...(options.attestations && options.attestations.length > 0 ? { attestations: options.attestations } : {}),
  };
  logger.info('Compliance run finished', {
    snapshotId: snapshot.id,
    overall: snapshot.overall,
    verdicts: Object.fromEntries(checks.map((check) => [check.check, check.verdict])),
  });
  return snapshot;
}

/** Returns the time limit of each check in milliseconds, from the options or the policy. */
function checkTimeouts(options: RunComplianceOptions): Record<CheckName, number> {
  if (options.checkTimeoutsMs) return options.checkTimeoutsMs;

  const seconds = options.policy.complianceSchedule.checkTimeoutSeconds;
  return { speed: seconds.speed * 1000, vpn: seconds.vpn * 1000, power: seconds.power * 1000 };
}

/**
 * Runs one check under its time limit. A throw or a result that fails the schema becomes an `error`
 * result with the message as evidence. A check past its limit becomes an `error` result stating the
 * limit, and its signal is aborted.
 */
async function guardCheck(
  check: CheckName,
  policyValues: Record<string, unknown>,
  options: RunComplianceOptions,
  run: (timeout: AbortSignal) => Promise<CheckResult>,
): Promise<CheckResult> {
  const startedAt = options.now();
  const started = monotonicMs();
  const limitMs = checkTimeouts(options)[check];
  const timeout = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), limitMs);
  });

  try {
    const result = await Promise.race([run(timeout.signal), expired]);
    if (result === 'timed-out') {
      timeout.abort(new Error(`The ${check} check timed out after ${limitMs} ms.`));
      options.logger.error('Compliance check timed out', { check, timeoutMs: limitMs });
      return timedOutCheckResult(check, limitMs, policyValues, startedAt, monotonicMs() - started);
    }

    const parsed = checkResultSchema.safeParse(result);
    if (parsed.success && parsed.data.check === check) return parsed.data;

    const problem = parsed.success ? `it reported itself as "${parsed.data.check}"` : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The ${check} check returned an invalid result (${problem}).`);
  } catch (error) {
    options.logger.error('Compliance check broke', { check, error: error instanceof Error ? error.message : String(error) });
    return brokenCheckResult(check, error, policyValues, startedAt, monotonicMs() - started);
  } finally {
    clearTimeout(timer);
  }
}
