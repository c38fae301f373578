// The real power check on this machine, compared with what systeminformation reports here.
import si from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { checkResultSchema } from '../../shared/domain';
import { batteryFacts } from '../../electron/core/compliance/power/battery-facts';
import { decidePower } from '../../electron/core/compliance/power/decision';
import { runPowerCheck } from '../../electron/core/compliance/power/power-check';
import { createLogger, silentSink } from '../../electron/core/logger';
import { articleProfile } from '../../electron/core/policy/profiles';

const reportedHere = await si.battery();

describe('power check on this machine', () => {
  it('matches the battery systeminformation reports', async () => {
    const reported = await si.battery();

    const result = checkResultSchema.parse(await runPowerCheck({ power: articleProfile.power, now: Date.now, logger: createLogger(silentSink) }));

    expect(result.check).toBe('power');
    expect(result.evidence.hasBattery).toBe(reported.hasBattery);
    expect(result.evidence.acConnected).toBe(batteryFacts(reported).acConnected);
    expect(result.verdict).toBe(decidePower(batteryFacts(reported), articleProfile.power).verdict);
    expect(result.policy).toEqual({ minBatteryHealthPercent: 80, minChargePercent: 50 });
  });

  // The project's build and CI machines are battery-less servers; on a laptop this case is skipped.
  it.runIf(!reportedHere.hasBattery)('fails without a battery', async () => {
    const result = await runPowerCheck({ power: articleProfile.power, now: Date.now, logger: createLogger(silentSink) });

    expect(result.verdict).toBe('fail');
    expect(result.summary.id).toContain('Tidak ada baterai atau UPS terdeteksi');
    expect(result.remediation.length).toBeGreaterThan(0);
  });
});
